package dev.tern.testbench;

import dev.tern.sim.Simulator;
import dev.tern.sim.bench.SimBenchmark;
import dev.tern.verilog.tools.ExternalTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures Verilator and Icarus on the designs and inputs of {@link SimBenchmark}, so that their rows sit
 * in the same table as the Java engines'. The stimulus is generated inside the simulator (C++ or Verilog)
 * by the same rule, so that no pipe I/O is measured.
 * <ul>
 *   <li>Verilator: {@code -O3 --x-assign fast --x-initial fast}, single-threaded. Setup is the
 *       verilate-and-compile time of a fresh build (never the cache). The harness warms up, then measures
 *       for at least the configured time.</li>
 *   <li>Icarus: setup is the {@code iverilog} compile time. Speed is the difference of two {@code vvp}
 *       runs, a short one and one sized to last about the configured time, so that start-up and stimulus
 *       generation cancel out; its processor time is not measured and is reported as the wall time.</li>
 * </ul>
 */
public final class VerilogBenchmark {
    private static final int SHORT_RUN_CYCLES = 200;
    private static final long RUN_TIMEOUT_SECONDS = 3600;

    private final long seed;
    private final double warmupSeconds;
    private final double measureSeconds;
    private final int stimulusRows;

    /** The same parameters as {@link SimBenchmark#SimBenchmark(long, double, double, int)}. */
    public VerilogBenchmark(long seed, double warmupSeconds, double measureSeconds, int stimulusRows) {
        if (stimulusRows < 2) {
            throw new IllegalArgumentException("a stimulus table needs at least 2 rows, got " + stimulusRows);
        }
        this.seed = seed;
        this.warmupSeconds = warmupSeconds;
        this.measureSeconds = measureSeconds;
        this.stimulusRows = stimulusRows;
    }

    public SimBenchmark.Measurement measure(SimBenchmark.Case c, VerilogTool tool) {
        if (tool == VerilogTool.VERILATOR) {
            try (SimBenchmark.Session verilator = verilatorSession(c)) {
                return SimBenchmark.measure(c, verilator, measureSeconds);
            }
        }
        try {
            Path work = Files.createTempDirectory("tern-bench-" + tool.label());
            try {
                return icarus(c, layout(c), work);
            } finally {
                BuildCache.deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case's design alone on the harness bus. */
    private static BusLayout layout(SimBenchmark.Case c) {
        return BusLayout.of(List.of(new BusLayout.Member(Simulator.interpret(c.design()), List.of())));
    }

    /**
     * The Verilated design built for the case and warmed up on the same stimulus, measured window by window
     * ({@link SimBenchmark#paired}); closing it ends the program and deletes its build.
     */
    public SimBenchmark.Session verilatorSession(SimBenchmark.Case c) {
        Path work;
        try {
            work = Files.createTempDirectory("tern-bench-verilator");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SimulatorProcess process = null;
        try {
            long start = System.nanoTime();
            VerilatorModel model = VerilatorModel.buildIn(layout(c), VerilatorModel.Flavor.BENCH, work);
            double setup = (System.nanoTime() - start) / 1e9;
            process = new SimulatorProcess("verilator", List.of(model.executable().toString(), "rounds",
                    Long.toUnsignedString(seed), Integer.toString(stimulusRows), Double.toString(warmupSeconds)), work);
            String ready = line(process, c, "warming up", (long) (10 * warmupSeconds) + 60);
            if (!ready.equals("ready")) {
                throw new CosimException("verilator benchmark of " + c.name() + " did not start: " + ready, process.errorOutput());
            }
            return session(c, process, work, setup);
        } catch (RuntimeException e) {
            if (process != null) {
                process.close();
            }
            deleteBuild(work);
            throw e;
        }
    }

    private static SimBenchmark.Session session(SimBenchmark.Case c, SimulatorProcess process, Path work, double setup) {
        return new SimBenchmark.Session() {
            @Override
            public String engine() {
                return "verilator";
            }

            @Override
            public double setupSeconds() {
                return setup;
            }

            @Override
            public SimBenchmark.Window window(double seconds) {
                try {
                    process.toProcess.write(("go " + seconds + "\n").getBytes(StandardCharsets.US_ASCII));
                    process.toProcess.flush();
                } catch (IOException e) {
                    throw process.failure("starting a window of " + c.name(), e);
                }
                String[] fields = line(process, c, "measuring", (long) (10 * seconds) + 60).split(" ");
                return new SimBenchmark.Window(Long.parseLong(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
            }

            @Override
            public void close() {
                process.close();
                deleteBuild(work);
            }
        };
    }

    private static void deleteBuild(Path work) {
        try {
            BuildCache.deleteTree(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line the benchmark program prints, within {@code seconds}. */
    private static String line(SimulatorProcess process, SimBenchmark.Case c, String doing, long seconds) {
        process.expectWithin(seconds);
        try {
            String line = process.readLine();
            if (line == null) {
                throw process.failure(doing + " " + c.name(), null);
            }
            return line.strip();
        } catch (IOException e) {
            throw process.failure(doing + " " + c.name(), e);
        } finally {
            process.exchangeDone();
        }
    }

    private SimBenchmark.Measurement icarus(SimBenchmark.Case c, BusLayout layout, Path work) throws IOException {
        Path source = work.resolve("bench.v");
        Files.writeString(source, CosimTopWriter.verilog(layout) + "\n"
                + IcarusSpeedBench.verilog(layout, CosimTopWriter.TOP, seed, stimulusRows), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        ExternalTool.Result compiled = ExternalTool.run(work, RUN_TIMEOUT_SECONDS,
                List.of("iverilog", "-g2005", "-s", IcarusSpeedBench.MODULE, "-o", "bench.vvp", "bench.v"));
        if (!compiled.succeeded()) {
            throw new CosimException("iverilog could not compile " + c.name() + " for the benchmark", compiled.output());
        }
        double setup = (System.nanoTime() - start) / 1e9;
        double shortRun = timedRun(work, SHORT_RUN_CYCLES, c);
        long cycles = SHORT_RUN_CYCLES;
        double seconds = shortRun;
        // Grow the long run until it lasts about the measuring time beyond the short one.
        while (seconds - shortRun < measureSeconds) {
            double perCycle = Math.max(1e-9, (seconds - shortRun) / Math.max(1, cycles - SHORT_RUN_CYCLES));
            long target = SHORT_RUN_CYCLES + (long) Math.ceil(measureSeconds / (seconds > shortRun ? perCycle : shortRun / SHORT_RUN_CYCLES));
            cycles = Math.max(cycles * 2, (long) (target * 1.2));
            seconds = timedRun(work, cycles, c);
        }
        long measured = cycles - SHORT_RUN_CYCLES;
        double elapsed = seconds - shortRun;
        return new SimBenchmark.Measurement(c.name(), "icarus", measured / elapsed, setup, measured, elapsed, elapsed);
    }

    private double timedRun(Path work, long cycles, SimBenchmark.Case c) throws IOException {
        long start = System.nanoTime();
        ExternalTool.Result run = ExternalTool.run(work, RUN_TIMEOUT_SECONDS, List.of("vvp", "-n", "bench.vvp", "+cycles=" + cycles));
        double seconds = (System.nanoTime() - start) / 1e9;
        String[] fields = lastLine(run, "icarus", c).split(" ");
        if (Long.parseLong(fields[0]) != cycles) {
            throw new CosimException("icarus ran " + fields[0] + " cycles of " + c.name() + ", asked for " + cycles, run.output());
        }
        return seconds;
    }

    private static String lastLine(ExternalTool.Result run, String tool, SimBenchmark.Case c) {
        List<String> lines = run.output().lines().filter(l -> !l.isBlank()).toList();
        if (!run.succeeded() || lines.isEmpty()) {
            throw new CosimException(tool + " benchmark of " + c.name() + " failed (exit code " + run.exitCode() + ")", run.output());
        }
        return lines.get(lines.size() - 1).strip();
    }
}
