package dev.tern.cli;

import dev.tern.accel.bench.AcceleratorBenchmark;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code tern bench-accel}: the accelerator's area per lane (Yosys) and its trees' utilisation on a 2560 x 2560 matmul. */
final class BenchAccelCommand implements CliCommand {
    @Override
    public String name() {
        return "bench-accel";
    }

    @Override
    public String summary() {
        return "measure the accelerator's LUTs per lane (Yosys synth_xilinx, with a breakdown) and its adder trees' utilisation";
    }

    @Override
    public String synopsis() {
        return "[--lanes N] [--rows N] [--pipeline K] [--area-only]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        AcceleratorOptions.addShapeTo(options, AcceleratorOptions.DEFAULT_LANES, AcceleratorOptions.DEFAULT_ROWS);
        options.addOption(Option.builder().longOpt("area-only")
                .desc("synthesise only; skip the 2560 x 2560 matmul in the simulator").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws Exception {
        OptionValues.rejectPositionalArguments(line, name());
        AcceleratorBenchmark.run(OptionValues.integer(line, "lanes", 1, AcceleratorOptions.DEFAULT_LANES),
                OptionValues.integer(line, "rows", 1, AcceleratorOptions.DEFAULT_ROWS),
                OptionValues.integer(line, "pipeline", 1, AcceleratorOptions.DEFAULT_PIPELINE),
                line.hasOption("area-only"), terminal.out());
        return Tern.OK;
    }
}
