package dev.tern.cli;

import dev.tern.hdl.ir.Design;
import dev.tern.sim.SimulationRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

final class SimulateCommand implements CliCommand {
    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String summary() {
        return "simulate a design cycle by cycle in Java, optionally writing a VCD waveform";
    }

    @Override
    public String synopsis() {
        return "<design> [--param k=v]... --cycles N [--vcd out.vcd [--signals PATTERNS]] [--stimulus FILE | --seed S]"
                + " [--engine compiled|interpreter]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        DesignOptions.addTo(options);
        options.addOption(Option.builder().longOpt("cycles").hasArg().argName("N").desc("rising edges to simulate (required)").build());
        options.addOption(Option.builder().longOpt("vcd").hasArg().argName("FILE").desc("write a VCD waveform (GTKWave opens it)").build());
        options.addOption(Option.builder().longOpt("signals").hasArg().argName("PATTERNS")
                .desc("comma-separated hierarchical names or globs to dump (default: all)").build());
        options.addOption(Option.builder().longOpt("stimulus").hasArg().argName("FILE")
                .desc("inputs per cycle: lines of port=value (see sim/README.md)").build());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("random inputs from this seed").build());
        options.addOption(Option.builder().longOpt("engine").hasArg().argName("NAME")
                .desc("compiled (default) or interpreter").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws Exception {
        Design design = DesignOptions.elaborate(line);
        long cycles = OptionValues.anyLong(line, "cycles", -1);
        if (!line.hasOption("cycles") || cycles < 0) {
            throw new UsageException("--cycles N is required (a number of rising edges, 0 or more)");
        }
        SimulationRun.Settings settings = SimulationRun.Settings.cycles(cycles).withEngine(engine(line.getOptionValue("engine", "compiled")));
        if (line.hasOption("stimulus") && line.hasOption("seed")) {
            throw new UsageException("give --stimulus or --seed, not both");
        }
        if (line.hasOption("stimulus")) {
            settings = settings.withStimulus(Path.of(line.getOptionValue("stimulus")));
        }
        if (line.hasOption("seed")) {
            settings = settings.withRandomSeed(OptionValues.anyLong(line, "seed", 0));
        }
        if (line.hasOption("vcd")) {
            settings = settings.withVcd(Path.of(line.getOptionValue("vcd")), OptionValues.list(line, "signals", List.of()));
        }
        SimulationRun run = new SimulationRun(design, settings);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C stops the run at a cycle boundary, so the waveform written so far is complete.
        Thread stopper = new Thread(() -> {
            run.cancel();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        SimulationRun.Result result;
        try {
            result = run.run((done, total) -> terminal.progress(String.format(Locale.ROOT, "simulating %s: %,d / %,d cycles",
                    design.name(), done, total)));
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running; it is waiting for the latch released above.
            }
        }
        terminal.endProgress();
        terminal.println(String.format(Locale.ROOT, "%s: %,d cycles on the %s engine%s, %,.0f cycles/s (setup %.2f s)",
                result.design(), result.cycles(), result.engine(), result.cancelled() ? " (stopped early)" : "",
                result.cyclesPerSecond(), result.setupSeconds()));
        result.outputs().forEach((port, value) -> terminal.println("  " + port + " = " + value));
        if (line.hasOption("vcd")) {
            terminal.println("waveform: " + line.getOptionValue("vcd"));
        }
        return Tern.OK;
    }

    private static SimulationRun.EngineChoice engine(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "compiled" -> SimulationRun.EngineChoice.COMPILED;
            case "interpreter" -> SimulationRun.EngineChoice.INTERPRETER;
            default -> throw new UsageException("unknown engine '" + name + "'; engines: compiled, interpreter");
        };
    }
}
