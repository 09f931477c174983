package dev.tern.cli;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.bitnet.backend.AcceleratorMatmul;
import dev.tern.bitnet.model.BitNetConfig;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The accelerator a hardware backend runs on: {@code --lanes --rows --pipeline --clock-mhz}. */
final class AcceleratorOptions {
    static final int DEFAULT_LANES = 64;
    static final int DEFAULT_ROWS = 4;
    static final int DEFAULT_PIPELINE = 2;
    static final double DEFAULT_CLOCK_MHZ = 250;

    private AcceleratorOptions() {
    }

    static void addTo(Options options) {
        addShapeTo(options, DEFAULT_LANES, DEFAULT_ROWS);
        options.addOption(Option.builder().longOpt("clock-mhz").hasArg().argName("F")
                .desc("clock for the projected tokens/s (default " + (int) DEFAULT_CLOCK_MHZ + ")").build());
    }

    /** {@code --lanes --rows --pipeline}, with the command's defaults for lanes and rows. */
    static void addShapeTo(Options options, int defaultLanes, int defaultRows) {
        options.addOption(Option.builder().longOpt("lanes").hasArg().argName("N")
                .desc("accelerator: activations per cycle, a power of two 16..1024 (default " + defaultLanes + ")").build());
        options.addOption(Option.builder().longOpt("rows").hasArg().argName("N")
                .desc("accelerator: output rows in parallel (default " + defaultRows + ")").build());
        options.addOption(Option.builder().longOpt("pipeline").hasArg().argName("K")
                .desc("accelerator: a register every K adder-tree levels (default " + DEFAULT_PIPELINE + ")").build());
    }

    /** The accelerator of the options, with SRAMs sized for the model. */
    static AcceleratorConfig config(CommandLine line, BitNetConfig model) {
        return config(line, model, DEFAULT_LANES, DEFAULT_ROWS);
    }

    static AcceleratorConfig config(CommandLine line, BitNetConfig model, int defaultLanes, int defaultRows) {
        return AcceleratorMatmul.sizedFor(model,
                OptionValues.integer(line, "lanes", 1, defaultLanes),
                OptionValues.integer(line, "rows", 1, defaultRows),
                OptionValues.integer(line, "pipeline", 1, DEFAULT_PIPELINE));
    }

    static double clockMhz(CommandLine line) {
        double mhz = OptionValues.number(line, "clock-mhz", DEFAULT_CLOCK_MHZ);
        if (!(mhz > 0)) {
            throw new UsageException("--clock-mhz must be above 0, got " + mhz);
        }
        return mhz;
    }
}
