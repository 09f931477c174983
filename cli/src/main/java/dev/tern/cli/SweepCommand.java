package dev.tern.cli;

import dev.tern.energy.EnergyOptions;
import dev.tern.energy.workload.ModelShape;
import dev.tern.synth.SynthTarget;
import dev.tern.synth.sweep.PublishedAnchors;
import dev.tern.synth.sweep.Roofline;
import dev.tern.synth.sweep.Sweep;
import dev.tern.synth.sweep.SweepGrid;
import dev.tern.synth.sweep.SweepPoint;
import dev.tern.synth.sweep.SweepReports;
import dev.tern.synth.sweep.SweepRequest;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

final class SweepCommand implements CliCommand {

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "evaluate every combination of design parameters: area, cycles, tokens/s and energy per token, with Pareto charts";
    }

    @Override
    public String synopsis() {
        return "--design D --param k=v1,v2,... [--param ...] [--target xilinx|ice40|generic] [--model PATH | --preset NAME]"
                + " [--jobs N] [--clock-mhz F] [--dram-gbps B] [--baselines int8-mac,fp16-mac] --out DIR";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder("d").longOpt("design").hasArg().argName("D").desc("the design (required)").build());
        options.addOption(Option.builder("p").longOpt("param").hasArg().argName("k=v1,v2")
                .desc("a parameter and the values to sweep (repeatable); the others keep their defaults").build());
        options.addOption(Option.builder("t").longOpt("target").hasArg().argName("xilinx|ice40|generic")
                .desc("Yosys flow for the area (default xilinx)").build());
        ModelShapeOptions.addTo(options);
        options.addOption(Option.builder("j").longOpt("jobs").hasArg().argName("N")
                .desc("configurations evaluated at once (default: available processors)").build());
        options.addOption(Option.builder().longOpt("clock-mhz").hasArg().argName("F")
                .desc("clock for tokens/s (default " + PublishedAnchors.KV260_CLOCK_MHZ + ", as the KV260)").build());
        options.addOption(Option.builder().longOpt("dram-gbps").hasArg().argName("B")
                .desc("DRAM bandwidth for tokens/s (default " + PublishedAnchors.KV260_DRAM_GBPS + ", KV260-like DDR4)").build());
        options.addOption(Option.builder().longOpt("baselines").hasArg().argName("LIST")
                .desc("with --design ternary-matmul: also synthesise these MAC arrays at each configuration's lanes and rows"
                        + " (int8-mac, fp16-mac) for the area comparison").build());
        options.addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR")
                .desc("where sweep.csv, sweep.json, sweep.html and the cache go (required)").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws IOException, InterruptedException {
        OptionValues.rejectPositionalArguments(line, name());
        String design = OptionValues.required(line, "design", "D");
        Path out = Path.of(OptionValues.required(line, "out", "DIR"));
        SweepGrid grid = SweepGrid.parse(DesignOptions.parameters(line));
        SynthTarget target = SynthTarget.parse(line.getOptionValue("target", "xilinx"));
        int jobs = OptionValues.integer(line, "jobs", 1, Runtime.getRuntime().availableProcessors());
        Roofline roofline = new Roofline(OptionValues.number(line, "clock-mhz", PublishedAnchors.KV260_CLOCK_MHZ),
                OptionValues.number(line, "dram-gbps", PublishedAnchors.KV260_DRAM_GBPS));
        Designs.catalog().find(design);
        Optional<EnergyOptions> energy = Optional.of(EnergyOptions.builder(List.of(model(line))).build());
        List<String> baselines = line.hasOption("baselines") ? List.of(line.getOptionValue("baselines").split(",")) : List.of();
        for (String baseline : baselines) {
            Designs.catalog().find(baseline);
        }
        SweepRequest request = new SweepRequest(design, grid, target, jobs, roofline, energy, out.resolve("cache"), out.resolve("work"),
                baselines);
        int total = grid.assignments().size();
        terminal.progress(progressBar(0, total) + " starting " + total + " configuration" + (total == 1 ? "" : "s")
                + " on " + jobs + " job" + (jobs == 1 ? "" : "s"));
        List<SweepPoint> points = new Sweep(Designs.catalog()).run(request, (point, done, all) -> {
            synchronized (terminal) {
                terminal.progress(progressBar(done, all) + " " + point.label() + ": "
                        + (point.succeeded() ? (point.cached() ? "cached" : "done") : "FAILED"));
            }
        });
        terminal.endProgress();
        for (SweepPoint point : points) {
            point.failure().ifPresent(f -> terminal.err().println("failed: " + point.label() + ": " + f));
        }
        List<Path> files = OutputFiles.write(out, () -> new SweepReports(request, points).write(out));
        long failed = points.stream().filter(p -> !p.succeeded()).count();
        long cached = points.stream().filter(SweepPoint::cached).count();
        terminal.println(points.size() + " configurations of " + design + ": " + (points.size() - failed) + " evaluated ("
                + cached + " from the cache), " + failed + " failed");
        files.forEach(f -> terminal.println("  " + f));
        return failed == 0 ? Tern.OK : Tern.FAILED;
    }

    private static String progressBar(int done, int total) {
        int width = 24;
        int filled = total == 0 ? width : done * width / total;
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total;
    }

    private static ModelShape model(CommandLine line) throws IOException {
        return ModelShapeOptions.shape(line);
    }
}
