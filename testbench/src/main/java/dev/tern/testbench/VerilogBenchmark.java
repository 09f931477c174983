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
        BusLayout layout = BusLayout.of(List.of(new BusLayout.Member(Simulator.interpret(c.design()), List.of())));
        try {
            Path work = Files.createTempDirectory("tern-bench-" + tool.label());
            try {
                return tool == VerilogTool.VERILATOR ? verilator(c, layout, work) : icarus(c, layout, work);
            } finally {
                BuildCache.deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Verilated design built for the case and warmed up on the same stimulus, measured window by window
     * ({@link SimBenchmark#paired}); closing it ends the program and deletes its build.
     */
    public SimBenchmark.Session verilatorSession(SimBenchmark.Case c) {
        BusLayout layout = BusLayout.of(List.of(new BusLayout.Member(Simulator.interpret(c.design()), List.of())));
        Path work;
        try {
            work = Files.createTempDirectory("tern-bench-verilator");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        VerilatorModel model = VerilatorModel.buildIn(layout, VerilatorModel.Flavor.BENCH, work);
        double setup = (System.nanoTime() - start) / 1e9;
        SimulatorProcess process = new SimulatorProcess("verilator", List.of(model.executable().toString(), "rounds",
                Long.toUnsignedString(seed), Integer.toString(stimulusRows), Double.toString(warmupSeconds)), work);
        String ready = line(process, c, "warming up", (long) (10 * warmupSeconds) + 60);
        if (!ready.equals("ready")) {
            process.close();
            throw new CosimException("verilator benchmark of " + c.name() + " did not start: " + ready, process.errorOutput());
        }
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
                try {
                    BuildCache.deleteTree(work);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The next line the benchmark program prints, within {@code seconds}. */
    private static String line(SimulatorProcess process, SimBenchmark.Case c, String doing, long seconds) {
        StringBuilder line = new StringBuilder();
        process.expectWithin(seconds);
        try {
            int b;
            while ((b = process.fromProcess.read()) >= 0 && b != '\n') {
                line.append((char) b);
            }
            if (b < 0) {
                throw process.failure(doing + " " + c.name(), null);
            }
        } catch (IOException e) {
            throw process.failure(doing + " " + c.name(), e);
        } finally {
            process.exchangeDone();
        }
        return line.toString().strip();
    }

    private SimBenchmark.Measurement verilator(SimBenchmark.Case c, BusLayout layout, Path work) throws IOException {
        long start = System.nanoTime();
        VerilatorModel model = VerilatorModel.buildIn(layout, VerilatorModel.Flavor.BENCH, work);
        double setup = (System.nanoTime() - start) / 1e9;
        ExternalTool.Result run = runBuiltProgram(work, List.of(model.executable().toString(), "bench",
                Long.toUnsignedString(seed), Integer.toString(stimulusRows), Double.toString(warmupSeconds), Double.toString(measureSeconds)));
        String[] fields = lastLine(run, "verilator", c).split(" ");
        long cycles = Long.parseLong(fields[0]);
        double seconds = Double.parseDouble(fields[1]);
        double cpu = Double.parseDouble(fields[2]);
        return new SimBenchmark.Measurement(c.name(), "verilator", cycles / seconds, setup, cycles, seconds, cpu);
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

    /** Runs a program given by its path (which {@link ExternalTool} would look up on the PATH). */
    private static ExternalTool.Result runBuiltProgram(Path work, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new ExternalTool.Result(command, process.waitFor(), output);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " was interrupted", e);
        }
    }

    private static String lastLine(ExternalTool.Result run, String tool, SimBenchmark.Case c) {
        List<String> lines = run.output().lines().filter(l -> !l.isBlank()).toList();
        if (!run.succeeded() || lines.isEmpty()) {
            throw new CosimException(tool + " benchmark of " + c.name() + " failed (exit code " + run.exitCode() + ")", run.output());
        }
        return lines.get(lines.size() - 1).strip();
    }
}
