package dev.tern.cli;

import dev.tern.hdl.ir.Design;
import dev.tern.sim.stimulus.RandomStimulus;
import dev.tern.testbench.Cosim;
import dev.tern.testbench.CosimResult;
import dev.tern.testbench.VerilogTool;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class CosimCommand implements CliCommand {
    /** Resets now and then exercise every register's reset path, not only the first cycle's. */
    private static final int RESET_ONE_IN = 1024;

    @Override
    public String name() {
        return "cosim";
    }

    @Override
    public String summary() {
        return "run a design on the Java simulator and on Verilator or Icarus, comparing every output every cycle";
    }

    @Override
    public String synopsis() {
        return "<design> [--param k=v]... --cycles N [--seed S] [--with verilator|icarus]... [--probe SIGNAL]... [--waves DIR]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        DesignOptions.addTo(options);
        options.addOption(Option.builder("n").longOpt("cycles").hasArg().argName("N").desc("cycles to run (required)").build());
        options.addOption(Option.builder("s").longOpt("seed").hasArg().argName("S")
                .desc("seed of the random inputs (default 1); reset in cycle 0, then in one cycle in " + RESET_ONE_IN).build());
        options.addOption(Option.builder("w").longOpt("with").hasArg().argName("TOOL")
                .desc("verilator or icarus (repeatable; default both)").build());
        options.addOption(Option.builder().longOpt("probe").hasArg().argName("SIGNAL")
                .desc("an internal signal to compare too, by hierarchical name, e.g. u_fifo.count (repeatable)").build());
        options.addOption(Option.builder().longOpt("waves").hasArg().argName("DIR")
                .desc("where the waveforms of a mismatch go (default cosim-mismatch)").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) {
        Design design = DesignOptions.elaborate(line);
        int cycles = OptionValues.integer("cycles", OptionValues.required(line, "cycles", "N"), 1);
        long seed = OptionValues.anyLong(line, "seed", 1);
        List<VerilogTool> tools = tools(line);
        String[] probeValues = line.getOptionValues("probe");
        List<String> probes = probeValues == null ? List.of() : List.of(probeValues);
        Path waves = Path.of(line.getOptionValue("waves", "cosim-mismatch"));
        terminal.println("cosim " + design.name() + ": " + cycles + " cycles, seed " + seed + ", compiled engine");
        int status = Tern.OK;
        for (VerilogTool tool : tools) {
            long start = System.nanoTime();
            CosimResult result = Cosim.run(design, new RandomStimulus(seed, RESET_ONE_IN), cycles, tool, probes, waves);
            String time = String.format("%.1f s", (System.nanoTime() - start) / 1e9);
            if (result.passed()) {
                terminal.println("  " + tool.label() + ": " + result.cycles() + " cycles, " + result.compared()
                        + " values compared, no mismatch (" + time + ")");
            } else {
                terminal.println("  " + tool.label() + ": MISMATCH " + result.mismatch().orElseThrow().describe());
                status = Tern.FAILED;
            }
        }
        return status;
    }

    private static List<VerilogTool> tools(CommandLine line) {
        String[] values = line.getOptionValues("with");
        if (values == null) {
            return List.of(VerilogTool.VERILATOR, VerilogTool.ICARUS);
        }
        List<VerilogTool> tools = new ArrayList<>();
        for (String v : values) {
            try {
                tools.add(VerilogTool.byLabel(v));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--with: " + e.getMessage());
            }
        }
        return tools;
    }
}
