package dev.tern.cli;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.sim.bench.BenchmarkReport;
import dev.tern.sim.bench.SimBenchmark;
import dev.tern.testbench.VerilogBenchmark;
import dev.tern.testbench.VerilogTool;
import dev.tern.verilog.tools.ExternalTool;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class BenchSimCommand implements CliCommand {
    private static final List<String> ENGINES = List.of("interpreter", "compiled", "verilator", "icarus");
    private static final List<String> DESIGN_SETS = List.of("catalog", "trees", "accelerator");
    /** The accelerator as the benchmark measures it: small enough for Icarus to finish in reasonable time. */
    private static final List<String> ACCELERATOR_PARAMETERS = List.of("lanes=64", "rows=4");

    @Override
    public String name() {
        return "bench-sim";
    }

    @Override
    public String summary() {
        return "simulation speed and setup time of the Java engines, Verilator and Icarus on the same designs and inputs";
    }

    @Override
    public String synopsis() {
        return "[--json] [--engines LIST] [--designs catalog,trees,accelerator] [--seconds S] [--warmup S] [--seed S]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("json").desc("also print the rows as JSON").build());
        options.addOption(Option.builder().longOpt("engines").hasArg().argName("LIST")
                .desc("comma-separated, from " + String.join(",", ENGINES) + " (default all)").build());
        options.addOption(Option.builder().longOpt("designs").hasArg().argName("LIST")
                .desc("catalog (the example designs), trees (the 64/256/1024-lane adder trees), accelerator (the ternary matmul unit, "
                        + String.join(" ", ACCELERATOR_PARAMETERS) + "); default all").build());
        options.addOption(Option.builder().longOpt("seconds").hasArg().argName("S").desc("measured time per row (default 3)").build());
        options.addOption(Option.builder().longOpt("warmup").hasArg().argName("S").desc("warm-up per row (default 5)").build());
        options.addOption(Option.builder("s").longOpt("seed").hasArg().argName("S").desc("seed of the random inputs (default 1)").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) {
        OptionValues.rejectPositionalArguments(line, name());
        List<String> engines = OptionValues.list(line, "engines", ENGINES);
        for (String e : engines) {
            if (!ENGINES.contains(e)) {
                throw new UsageException("--engines: unknown engine '" + e + "'; engines: " + String.join(", ", ENGINES));
            }
        }
        List<SimBenchmark.Case> cases = new ArrayList<>();
        for (String set : OptionValues.list(line, "designs", DESIGN_SETS)) {
            switch (set) {
                case "catalog" -> cases.addAll(SimBenchmark.catalogDesigns());
                case "trees" -> cases.addAll(SimBenchmark.adderTrees());
                case "accelerator" -> cases.add(accelerator());
                default -> throw new UsageException("--designs: unknown set '" + set + "'; sets: " + String.join(", ", DESIGN_SETS));
            }
        }
        double seconds = positive(line, "seconds", 3);
        double warmup = positive(line, "warmup", 5);
        long seed = OptionValues.anyLong(line, "seed", 1);
        int rows = 1024;
        for (String e : engines) {
            String program = e.equals("verilator") ? "verilator" : e.equals("icarus") ? "iverilog" : null;
            if (program != null && !ExternalTool.isAvailable(program)) {
                throw new dev.tern.verilog.tools.ToolMissingException(program);
            }
        }
        SimBenchmark java = new SimBenchmark(seed, warmup, seconds, rows);
        VerilogBenchmark verilog = new VerilogBenchmark(seed, warmup, seconds, rows);
        List<SimBenchmark.Measurement> measurements = new ArrayList<>();
        Map<String, Double> pairedRatios = new LinkedHashMap<>();
        boolean paired = engines.contains("compiled") && engines.contains("verilator");
        for (SimBenchmark.Case c : cases) {
            for (String e : engines) {
                if (paired && e.equals("compiled")) {
                    SimBenchmark.Paired pair = compiledBesideVerilator(c, java, verilog, seconds);
                    pairedRatios.put(c.name(), pair.medianRatio());
                    report(terminal, measurements, pair.first());
                    report(terminal, measurements, pair.second());
                } else if (!(paired && e.equals("verilator"))) {
                    report(terminal, measurements, switch (e) {
                        case "interpreter" -> java.measure(c, SimBenchmark.Engine.INTERPRETER);
                        case "compiled" -> java.measure(c, SimBenchmark.Engine.COMPILED);
                        default -> verilog.measure(c, VerilogTool.byLabel(e));
                    });
                }
            }
        }
        terminal.endProgress();
        terminal.out().print(BenchmarkReport.table(measurements));
        terminal.out().print(BenchmarkReport.goals(measurements, cases, pairedRatios));
        if (line.hasOption("json")) {
            terminal.println(BenchmarkReport.json(measurements, pairedRatios));
        }
        return Tern.OK;
    }

    /**
     * The compiled engine and Verilator on one case, their measuring windows alternating, so that both see the
     * same drift of a shared machine's speed.
     */
    private static SimBenchmark.Paired compiledBesideVerilator(SimBenchmark.Case c, SimBenchmark java, VerilogBenchmark verilog,
                                                               double seconds) {
        try (SimBenchmark.Session compiled = java.start(c, SimBenchmark.Engine.COMPILED);
             SimBenchmark.Session verilator = verilog.verilatorSession(c)) {
            return SimBenchmark.paired(c.name(), compiled, verilator, seconds);
        }
    }

    private static void report(Terminal terminal, List<SimBenchmark.Measurement> measurements, SimBenchmark.Measurement m) {
        terminal.progress(String.format("bench-sim: %s on %s: %,.0f cycles/s, setup %.2f s", m.design(), m.engine(),
                m.cyclesPerSecond(), m.setupSeconds()));
        measurements.add(m);
    }

    /** The ternary matmul unit, a computing kernel: the compiled engine's goal on it is that of the adder trees. */
    private static SimBenchmark.Case accelerator() {
        String name = AcceleratorConfig.DESIGN;
        return new SimBenchmark.Case(name, Designs.catalog().elaborate(name, ACCELERATOR_PARAMETERS), SimBenchmark.KERNEL_SPEED_GOAL);
    }

    private static double positive(CommandLine line, String option, double fallback) {
        double value = OptionValues.number(line, option, fallback);
        if (value <= 0) {
            throw new UsageException("--" + option + ": must be positive, found " + value);
        }
        return value;
    }
}
