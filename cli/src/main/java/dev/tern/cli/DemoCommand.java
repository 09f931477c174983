package dev.tern.cli;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryMatmulManifest;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.bitnet.backend.AcceleratorMatmul;
import dev.tern.bitnet.backend.AcceleratorSummary;
import dev.tern.bitnet.infer.Generation;
import dev.tern.bitnet.infer.GenerationOptions;
import dev.tern.bitnet.infer.VerificationReport;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.BitNetModelLoader;
import dev.tern.bitnet.model.ModelFileFormat;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import dev.tern.bitnet.synth.SyntheticModel;
import dev.tern.energy.DesignEnergy;
import dev.tern.energy.EnergyAnalysis;
import dev.tern.energy.EnergyOptions;
import dev.tern.energy.EnergyReport;
import dev.tern.energy.ModelEnergy;
import dev.tern.energy.Ratios;
import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.report.Numbers;
import dev.tern.energy.report.ReportSection;
import dev.tern.energy.report.ReportWriters;
import dev.tern.energy.tech.TechTables;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.VerilogEmitter;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The main job end to end on the embedded simulator: generate the accelerator, make the tiny model,
 * generate text with every BitLinear on the accelerator's RTL verified against the reference, and
 * report cycles and energy.
 */
final class DemoCommand implements CliCommand {
    private static final String PROMPT = "The ternary accelerator";
    private static final int LANES = AcceleratorOptions.DEFAULT_LANES;
    private static final int ROWS = AcceleratorOptions.DEFAULT_ROWS;
    private static final long MODEL_SEED = 1;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the whole flow on the tiny model: accelerator RTL, verified inference on its simulation, cycles, energy";
    }

    @Override
    public String synopsis() {
        return "[--out DIR] [--tokens N] [--prompt TEXT]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("where to write (default out/demo)").build());
        options.addOption(Option.builder().longOpt("tokens").hasArg().argName("N").desc("tokens to generate (default 24)").build());
        options.addOption(Option.builder().longOpt("prompt").hasArg().argName("TEXT").desc("the prompt (default \"" + PROMPT + "\")").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws Exception {
        OptionValues.rejectPositionalArguments(line, name());
        Path out = Path.of(line.getOptionValue("out", "out/demo"));
        int tokens = OptionValues.integer(line, "tokens", 1, 24);
        String prompt = line.getOptionValue("prompt", PROMPT);
        BitNetConfig modelConfig = BitNetConfig.tiny();
        AcceleratorConfig accelerator = AcceleratorMatmul.sizedFor(modelConfig, LANES, ROWS, AcceleratorOptions.DEFAULT_PIPELINE);

        terminal.err().println("[1/5] generating the accelerator: " + LANES + " lanes x " + ROWS + " rows");
        Path rtl = out.resolve("rtl");
        Design design = Elaborator.elaborate(() -> new TernaryMatmulUnit(accelerator));
        int files = OutputFiles.write(rtl, () -> {
            int n = VerilogEmitter.withSourceLocations().write(design, rtl, VerilogEmitter.Layout.FILE_PER_MODULE).size();
            new TernaryMatmulManifest(accelerator, design).write(rtl);
            return n;
        });
        terminal.err().println("      " + files + " Verilog modules and " + TernaryMatmulManifest.FILE_NAME + " in " + rtl);

        Path modelPath = out.resolve("tiny.gguf");
        terminal.err().println("[2/5] " + (Files.exists(modelPath) ? "reusing" : "making") + " the tiny synthetic model " + modelPath);
        if (!Files.exists(modelPath)) {
            OutputFiles.write(modelPath, () -> {
                SyntheticModel.create(modelConfig, MODEL_SEED).write(ModelFileFormat.GGUF_TQ2_0, modelPath);
                return modelPath;
            });
        }

        terminal.err().println("[3/5] generating " + tokens + " tokens; every BitLinear runs on the accelerator's RTL in the"
                + " cycle-accurate simulator and is checked against the reference");
        Generation generation;
        AcceleratorSummary cycles;
        VerificationReport verification;
        int exit;
        try (WorkerPool pool = new WorkerPool(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            BitNetModel model = BitNetModelLoader.load(modelPath);
            try (HardwareRun run = HardwareRun.start(model, new ReferenceTernaryMatmul(pool), pool, InferenceBackend.RTL, accelerator, true, terminal)) {
                terminal.out().print(prompt);
                generation = run.generate(prompt, GenerationOptions.greedy(tokens));
                terminal.err().println("[4/5] summary");
                exit = run.printSummary(generation, AcceleratorOptions.DEFAULT_CLOCK_MHZ);
                cycles = run.summary();
                verification = run.verification();
            }
        }

        EnergyReport energy = EnergyAnalysis.run(EnergyOptions.builder(List.of(BitNetShapes.of("tiny", modelConfig)))
                .tech(TechTables.resolve("7nm"))
                .array(new ArrayConfig(LANES, ROWS, ArrayConfig.DEFAULT_SRAM_BYTES, ArrayConfig.DEFAULT_SRAM_BYTES, ArrayConfig.DEFAULT_SRAM_BYTES))
                .build());
        printEnergy(terminal, energy);

        Path report = out.resolve("report.html");
        terminal.err().println("[5/5] writing the report");
        ReportWriters.writeHtml(energy, List.of(cycleSection(cycles), verificationSection(verification, generation)), report);
        terminal.println("");
        terminal.println("report: " + report + " (energy breakdown, cycles per projection, verification)");
        terminal.println("RTL:    " + rtl + " (Verilog and manifest of the accelerator)");
        terminal.println("");
        terminal.println("try next:");
        terminal.println("  ./tern infer --model " + modelPath + " --prompt \"your text\" --tokens 32 --backend rtl --verify");
        terminal.println("  ./tern infer --model ggml-model-i2_s.gguf --prompt \"...\" --tokens 32    (a real BitNet GGUF, reference backend)");
        terminal.println("  ./tern cosim fifo --param depth=16 --param width=8 --cycles 100000");
        terminal.println("  ./tern synth ternary-matmul --param lanes=16 --param rows=1 --param weight-depth=64 --param activation-depth=8 --target ice40 --json out/s.json");
        terminal.println("  ./tern sweep --design ternary-matmul --param lanes=16,64,256 --param rows=1,4 --preset 2b-shape --out out/sweep");
        terminal.println("  ./tern energy --preset 2b-shape --tech 7nm --report out/energy.html");
        return exit;
    }

    private static void printEnergy(Terminal terminal, EnergyReport report) {
        ModelEnergy tiny = report.primary();
        terminal.println(String.format(Locale.ROOT, "energy per token (%s, %s DRAM, analytic counts):", report.tech().name(), report.dram().type()));
        for (DesignEnergy design : tiny.designs()) {
            terminal.println(String.format(Locale.ROOT, "  %-34s %s (BitLinear layers %s)", design.label(),
                    Numbers.energy(design.perToken().total()), Numbers.energy(design.bitLinearPerToken().total())));
        }
        terminal.println("  arithmetic only, ternary vs FP16 MAC (paper method): " + Numbers.ratio(report.arithmeticRatio()));
        for (Ratios r : tiny.ratios()) {
            terminal.println("  end to end vs " + r.baseline() + ": BitLinear layers " + Numbers.ratio(r.bitLinearEndToEnd())
                    + ", whole token " + Numbers.ratio(r.wholeTokenEndToEnd()));
        }
    }

    private static ReportSection cycleSection(AcceleratorSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (AcceleratorSummary.ShapeLine s : summary.shapes()) {
            rows.add(List.of(s.projections(), s.rows() + " × " + s.cols(), String.format(Locale.ROOT, "%,d", s.calls()),
                    String.format(Locale.ROOT, "%,d", s.cycles()), String.format(Locale.ROOT, "%,.0f", s.cyclesPerVector())));
        }
        String note = String.format(Locale.ROOT, "%d lanes × %d rows; prefill of %d tokens took %,d cycles, decode %,.0f cycles per token;"
                        + " %,.0f tokens/s at %.0f MHz for the BitLinear layers.", summary.accelerator().lanes(), summary.accelerator().rows(),
                summary.promptTokens(), summary.prefillCycles(), summary.decodeCyclesPerToken(),
                summary.projectedTokensPerSecond(AcceleratorOptions.DEFAULT_CLOCK_MHZ), AcceleratorOptions.DEFAULT_CLOCK_MHZ);
        return new ReportSection("simulated-cycles", "Simulated cycles per projection", note,
                List.of("projections", "out × in", "calls", "cycles", "per token and layer"), rows, List.of(2, 3, 4));
    }

    private static ReportSection verificationSection(VerificationReport v, Generation generation) {
        return new ReportSection("verification", "Verification against the reference",
                "Every BitLinear output of the accelerator compared bit for bit with the Java reference.",
                List.of("tokens generated", "BitLinear calls", "outputs compared", "mismatches"),
                List.of(List.of(String.valueOf(generation.tokens().length), String.valueOf(v.calls()), String.valueOf(v.outputs()),
                        String.valueOf(v.mismatchingOutputs()))), List.of(0, 1, 2, 3));
    }
}
