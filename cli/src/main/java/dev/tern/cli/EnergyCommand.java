package dev.tern.cli;

import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.BitNetModelLoader;
import dev.tern.bitnet.model.BitNetWeights;
import dev.tern.bitnet.synth.SyntheticModel;
import dev.tern.energy.EnergyAnalysis;
import dev.tern.energy.EnergyOptions;
import dev.tern.energy.EnergyReport;
import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.design.MacArray;
import dev.tern.energy.design.WeightEncoding;
import dev.tern.energy.report.ReportFormat;
import dev.tern.energy.report.ReportWriters;
import dev.tern.energy.tech.TechTable;
import dev.tern.energy.tech.TechTables;
import dev.tern.energy.workload.ModelShape;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

final class EnergyCommand implements CliCommand {
    private static final long SYNTHETIC_SEED = 1;
    private static final List<ReportFile> REPORT_FILES = List.of(
            new ReportFile("report", ReportFormat.HTML, "write an HTML report"),
            new ReportFile("json", ReportFormat.JSON, "write the report as JSON"),
            new ReportFile("csv", ReportFormat.CSV, "write the report as CSV"));

    /** An option that writes the report to a file in one format. */
    private record ReportFile(String option, ReportFormat format, String description) {
    }

    @Override
    public String name() {
        return "energy";
    }

    @Override
    public String summary() {
        return "energy per token of the ternary datapath against FP16/INT8 MAC arrays";
    }

    @Override
    public String synopsis() {
        return "[--model PATH | --preset NAME] [--tech 7nm|45nm|FILE] [--baseline fp16,int8] [--lanes N] [--rows N]"
                + " [--encoding 2bit|base3] [--dram TYPE] [--context N] [--from-sim [--saif out.saif]]"
                + " [--report out.html] [--json out.json] [--csv out.csv]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        ModelShapeOptions.addTo(options);
        options.addOption(Option.builder().longOpt("tech").hasArg().argName("7nm|45nm|FILE")
                .desc("technology table: built-in 7nm (default) or 45nm, or a table file").build());
        options.addOption(Option.builder().longOpt("baseline").hasArg().argName("LIST")
                .desc("MAC arrays to compare against, comma-separated (default fp16,int8)").build());
        options.addOption(Option.builder().longOpt("lanes").hasArg().argName("N")
                .desc("inputs per row per cycle, a power of two (default " + ArrayConfig.DEFAULT_LANES + ")").build());
        options.addOption(Option.builder().longOpt("rows").hasArg().argName("N")
                .desc("output rows computed at once (default " + ArrayConfig.DEFAULT_ROWS + ")").build());
        options.addOption(Option.builder().longOpt("encoding").hasArg().argName("2bit|base3")
                .desc("ternary weight packing (default 2bit)").build());
        options.addOption(Option.builder().longOpt("dram").hasArg().argName("TYPE")
                .desc("DRAM type of the tech table, e.g. DDR3, DDR4, LPDDR4, HBM2 (default "
                        + EnergyOptions.DEFAULT_DRAM + ")").build());
        options.addOption(Option.builder().longOpt("context").hasArg().argName("N")
                .desc("positions attended per decoded token (default " + EnergyOptions.DEFAULT_CONTEXT + ")").build());
        for (ReportFile file : REPORT_FILES) {
            options.addOption(Option.builder().longOpt(file.option()).hasArg().argName("FILE").desc(file.description()).build());
        }
        options.addOption(Option.builder().longOpt("from-sim")
                .desc("simulate one matmul of each BitLinear shape on the accelerator and use its counts (models of up to "
                        + SimulatedEnergy.MAX_SIMULATED_WEIGHTS + " weights over their distinct shapes), and measure the"
                        + " adder tree's switching activity on the model's activations and on random ones").build());
        options.addOption(Option.builder().longOpt("saif").hasArg().argName("FILE")
                .desc("with --from-sim: write the adder tree's toggle counts on the model's activations as SAIF").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws IOException {
        OptionValues.rejectPositionalArguments(line, name());
        boolean fromSim = line.hasOption("from-sim");
        if (line.hasOption("saif") && !fromSim) {
            throw new UsageException("--saif needs --from-sim: toggle counts come from the simulation");
        }
        TechTable tech = TechTables.resolve(line.getOptionValue("tech", "7nm"));
        List<MacArray.Format> baselines = OptionValues.list(line, "baseline", List.of("fp16", "int8")).stream()
                .map(MacArray.Format::parse).toList();
        ArrayConfig array = new ArrayConfig(
                OptionValues.integer(line, "lanes", 1, ArrayConfig.DEFAULT_LANES),
                OptionValues.integer(line, "rows", 1, ArrayConfig.DEFAULT_ROWS),
                ArrayConfig.DEFAULT_SRAM_BYTES, ArrayConfig.DEFAULT_SRAM_BYTES, ArrayConfig.DEFAULT_SRAM_BYTES);
        WeightEncoding encoding = WeightEncoding.parse(line.getOptionValue("encoding", "2bit"));
        int context = OptionValues.integer(line, "context", 1, EnergyOptions.DEFAULT_CONTEXT);
        // The model last: loading a model file is the slow part, so mistakes in the other options show at once.
        ModelSelection model = model(line);
        EnergyOptions.Builder options = EnergyOptions.builder(List.of(model.shape()))
                .tech(tech)
                .baselines(baselines)
                .array(array)
                .encoding(encoding)
                .dramType(line.getOptionValue("dram", EnergyOptions.DEFAULT_DRAM))
                .context(context);
        if (fromSim) {
            SimulatedEnergy simulated = SimulatedEnergy.measure(model, array, encoding, terminal);
            options.array(simulated.array())
                    .simulatedTernary(simulated.counts())
                    .switchingActivity(simulated.activity());
            if (line.hasOption("saif")) {
                Path saif = Path.of(line.getOptionValue("saif"));
                simulated.writeSaif(saif);
                terminal.err().println("wrote " + saif);
            }
        }
        EnergyReport report = EnergyAnalysis.run(options.build());
        terminal.out().print(ReportFormat.TEXT.render(report));
        terminal.out().flush();
        for (ReportFile file : REPORT_FILES) {
            if (line.hasOption(file.option())) {
                Path path = Path.of(line.getOptionValue(file.option()));
                ReportWriters.write(report, file.format(), path);
                terminal.err().println("wrote " + path);
            }
        }
        return Tern.OK;
    }

    /** The analysed model's shape and, for BitNet models, the weights whose activations the simulation can use. */
    record ModelSelection(ModelShape shape, Optional<BitNetWeights> weights) {
    }

    private static ModelSelection model(CommandLine line) throws IOException {
        ModelShapeOptions.checkOneModel(line);
        boolean fromSim = line.hasOption("from-sim");
        if (line.hasOption("model")) {
            Path path = Path.of(line.getOptionValue("model"));
            BitNetModel model = BitNetModelLoader.load(path);
            return new ModelSelection(BitNetShapes.of(ModelShapeOptions.fileName(path), model.config()), Optional.of(model.weights()));
        }
        String preset = line.getOptionValue("preset", ModelShapeOptions.DEFAULT_PRESET);
        ModelShape shape = ModelShapeOptions.presetShape(preset);
        if (ModelPresets.isBitNetPreset(preset) && fromSim && SimulatedEnergy.fits(shape)) {
            // Synthetic weights only when simulating, and only once the shape is known to be small enough.
            return new ModelSelection(shape, Optional.of(SyntheticModel.create(ModelPresets.bitnet(preset), SYNTHETIC_SEED).weights()));
        }
        return new ModelSelection(shape, Optional.empty());
    }
}
