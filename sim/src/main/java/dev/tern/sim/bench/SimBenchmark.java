package dev.tern.sim.bench;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.catalog.DesignGenerator;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.Simulator;
import dev.tern.sim.stimulus.RandomStimulus;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures the simulation speed of the Java engines on a design the way the Verilator harness is
 * measured: the same seeded random inputs ({@link RandomStimulus}) drawn once into a table of input
 * frames, row 0 (the reset cycle) once and then rows {@code 1 .. rows-1} over and over, every input set
 * and every output read in every cycle. Both engines run the table through the batch API
 * ({@link Simulator#run(long[], int, long[], int, int)}), as the C++ harness runs its table in a loop
 * around {@code eval()}; every output word read is folded into a checksum, as the harness does.
 *
 * <p>Setup time runs from the IR to the end of the first cycle (flattening, and for the compiled engine
 * code generation, compilation and loading). The speed is measured after a warm-up that lets the JIT
 * compile the generated code: at least the configured time, and on until, over two half-second windows
 * in a row, the speed has stopped rising and the JIT compilers have gone quiet (at most ten times the
 * configured time); then over at least the configured measuring time.
 */
public final class SimBenchmark {
    /** The engines measured here; Verilator and Icarus join through the testbench harness. */
    public enum Engine {
        INTERPRETER("interpreter"), COMPILED("compiled");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The compiled engine's goal on the computing kernels (adder trees, accelerator): this many times Verilator's speed. */
    public static final double KERNEL_SPEED_GOAL = 2;

    /**
     * A design to measure under a short name.
     *
     * @param speedGoal the compiled engine's goal on it, as a multiple of Verilator's cycles per second
     */
    public record Case(String name, Design design, double speedGoal) {
        /** A design where the compiled engine should at least keep up with Verilator. */
        public Case(String name, Design design) {
            this(name, design, 1);
        }
    }

    /**
     * One design on one engine.
     *
     * @param engine the engine that actually ran (the compiled engine falls back to the interpreter without a compiler)
     */
    public record Measurement(String design, String engine, double cyclesPerSecond, double setupSeconds, long cycles,
                              double seconds, double cpuSeconds) {
        /** Cycles per second of this thread's processor time: less disturbed than wall time on a busy machine. */
        public double cyclesPerCpuSecond() {
            return cycles / cpuSeconds;
        }
    }

    private static final long WARMUP_WINDOW_NANOS = 500_000_000L;
    private static final double MAX_WARMUP_FACTOR = 10;
    private static final long BATCH_NANOS = 5_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long seed;
    private final double warmupSeconds;
    private final double measureSeconds;
    private final int stimulusRows;
    /** Keeps the outputs read in the timed loop observable. */
    private long checksum;

    /**
     * @param warmupSeconds  time run before measuring, for the JIT
     * @param measureSeconds least time measured
     */
    public SimBenchmark(long seed, double warmupSeconds, double measureSeconds, int stimulusRows) {
        this.seed = seed;
        this.warmupSeconds = warmupSeconds;
        this.measureSeconds = measureSeconds;
        this.stimulusRows = stimulusRows;
    }

    /** The adder trees of the issue: 64, 256 and 1024 lanes. */
    public static List<Case> adderTrees() {
        List<Case> cases = new ArrayList<>();
        for (int lanes : new int[] {64, 256, 1024}) {
            cases.add(new Case(TernaryDotProductTree.NAME_PREFIX + lanes, TernaryDotProductTree.design(lanes), KERNEL_SPEED_GOAL));
        }
        return cases;
    }

    /** The example catalog's designs with their default parameters. */
    public static List<Case> catalogDesigns() {
        List<Case> cases = new ArrayList<>();
        DesignCatalog catalog = DesignCatalog.examples();
        for (DesignGenerator g : catalog.all()) {
            cases.add(new Case(g.name(), catalog.elaborate(g.name(), List.of())));
        }
        return cases;
    }

    /**
     * Measures the catalog designs and the adder trees on both Java engines and prints the table, then
     * the JSON rows with {@code --json}. {@code --seconds S} sets the measured time per row (default 3),
     * {@code --warmup S} the warm-up (default 5).
     */
    public static void main(String[] args) {
        boolean json = false;
        double seconds = 3;
        double warmup = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --json, --seconds S, --warmup S");
            }
        }
        List<Case> cases = new ArrayList<>(catalogDesigns());
        cases.addAll(adderTrees());
        SimBenchmark benchmark = new SimBenchmark(1, warmup, seconds, 1024);
        List<Measurement> rows = benchmark.run(cases, List.of(Engine.INTERPRETER, Engine.COMPILED),
                m -> System.err.printf("%s on the %s: %,.0f cycles/s%n", m.design(), m.engine(), m.cyclesPerSecond()));
        System.out.print(BenchmarkReport.table(rows));
        System.out.print(BenchmarkReport.goals(rows, cases));
        if (json) {
            System.out.println(BenchmarkReport.json(rows));
        }
    }

    /** Each case on each engine, reporting every measurement as it is made. */
    public List<Measurement> run(List<Case> cases, List<Engine> engines, Consumer<Measurement> progress) {
        List<Measurement> all = new ArrayList<>();
        for (Case c : cases) {
            for (Engine e : engines) {
                Measurement m = measure(c, e);
                progress.accept(m);
                all.add(m);
            }
        }
        return all;
    }

    /** Cycles run in one window of a {@link Session}, with its elapsed and processor seconds. */
    public record Window(long cycles, double seconds, double cpuSeconds) {
        public double cyclesPerSecond() {
            return cycles / seconds;
        }
    }

    /**
     * An engine set up and warmed up on one case, measured window by window, so that the windows of two
     * engines can alternate: on a machine whose speed drifts while it is shared, a ratio of neighbouring
     * windows is steadier than a ratio of runs made one after the other.
     */
    public interface Session extends AutoCloseable {
        String engine();

        double setupSeconds();

        /** Runs for about {@code seconds} and says how many cycles that was. */
        Window window(double seconds);

        @Override
        void close();
    }

    /** Windows per engine in a {@link #paired} measurement. */
    public static final int PAIRED_WINDOWS = 10;

    /**
     * Two engines on one case, {@value #PAIRED_WINDOWS} windows each, alternating, over the measuring time: a
     * row for each engine (all its windows together) and the median of the windows' speed ratios.
     */
    public record Paired(Measurement first, Measurement second, double medianRatio) {
    }

    public static Paired paired(String design, Session first, Session second, double measureSeconds) {
        double window = measureSeconds / PAIRED_WINDOWS;
        List<Window> a = new ArrayList<>();
        List<Window> b = new ArrayList<>();
        double[] ratios = new double[PAIRED_WINDOWS];
        for (int w = 0; w < PAIRED_WINDOWS; w++) {
            a.add(first.window(window));
            b.add(second.window(window));
            ratios[w] = a.get(w).cyclesPerSecond() / b.get(w).cyclesPerSecond();
        }
        Arrays.sort(ratios);
        double median = (ratios[(PAIRED_WINDOWS - 1) / 2] + ratios[PAIRED_WINDOWS / 2]) / 2;
        return new Paired(total(design, first, a), total(design, second, b), median);
    }

    private static Measurement total(String design, Session session, List<Window> windows) {
        long cycles = windows.stream().mapToLong(Window::cycles).sum();
        double seconds = windows.stream().mapToDouble(Window::seconds).sum();
        double cpu = windows.stream().mapToDouble(Window::cpuSeconds).sum();
        return new Measurement(design, session.engine(), cycles / seconds, session.setupSeconds(), cycles, seconds, cpu);
    }

    public Measurement measure(Case c, Engine engine) {
        try (Session session = start(c, engine)) {
            return measure(c, session, measureSeconds);
        }
    }

    /** One window of {@code seconds} of a session as the case's row. */
    public static Measurement measure(Case c, Session session, double seconds) {
        return total(c.name(), session, List.of(session.window(seconds)));
    }

    /** The engine built for the case and warmed up until the JIT is quiet, ready to be measured. */
    public Session start(Case c, Engine engine) {
        long start = System.nanoTime();
        Simulator sim = engine == Engine.COMPILED ? Simulator.compile(c.design()) : Simulator.interpret(c.design());
        Replay replay = new Replay(sim, new RandomStimulus(seed).frames(sim, stimulusRows));
        double setup = seconds(System.nanoTime() - start);

        long warmupStart = System.nanoTime();
        long minimumEnd = warmupStart + (long) (warmupSeconds * 1e9);
        long maximumEnd = warmupStart + (long) (MAX_WARMUP_FACTOR * warmupSeconds * 1e9);
        double best = 0;
        int windowsWithoutGain = 0;
        while (true) {
            long windowStart = System.nanoTime();
            long compilingBefore = jitMillis();
            long cycles = runFor(replay, WARMUP_WINDOW_NANOS);
            long now = System.nanoTime();
            boolean jitQuiet = jitMillis() - compilingBefore < WARMUP_WINDOW_NANOS / 1_000_000 / 50;
            double rate = cycles / seconds(now - windowStart);
            windowsWithoutGain = rate > best * 1.05 || !jitQuiet ? 0 : windowsWithoutGain + 1;
            best = Math.max(best, rate);
            if (now >= maximumEnd || (now >= minimumEnd && windowsWithoutGain >= 2)) {
                break;
            }
        }
        return new Session() {
            @Override
            public String engine() {
                return sim.engine();
            }

            @Override
            public double setupSeconds() {
                return setup;
            }

            @Override
            public Window window(double seconds) {
                long windowStart = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long cycles = runFor(replay, (long) (seconds * 1e9));
                long now = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
                return new Window(cycles, seconds(now - windowStart), seconds(cpu));
            }

            @Override
            public void close() {
                checksum ^= replay.checksum;
                sim.close();
            }
        };
    }

    /** Milliseconds the JIT compilers have worked so far, or 0 when the JVM does not say. */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Replays the table for about {@code nanos}; returns the cycles run. */
    private static long runFor(Replay replay, long nanos) {
        long start = System.nanoTime();
        long cycles = 0;
        do {
            cycles += replay.repeat();
        } while (System.nanoTime() - start < nanos);
        return cycles;
    }

    /** An XOR of every output word read, so that no reading can be optimised away. */
    public long checksum() {
        return checksum;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The table of input frames run through one simulator: the reset row once, then the other rows again and again. */
    private static final class Replay {
        private final Simulator sim;
        private final long[] inputs;
        private final long[] outputs;
        private final int rows;
        private final int inputWords;
        long checksum;

        /** Runs the reset row at once, as the first cycle of the setup. */
        Replay(Simulator sim, long[] inputs) {
            this.sim = sim;
            this.inputs = inputs;
            this.inputWords = sim.batchLayout().inputWords();
            this.rows = inputs.length / inputWords;
            this.outputs = new long[rows * sim.batchLayout().outputWords()];
            sim.run(inputs, 0, outputs, 0, 1);
            fold(outputs.length / rows);
        }

        /** Rows {@code 1 .. rows-1} once; returns the cycles run. */
        int repeat() {
            sim.run(inputs, inputWords, outputs, 0, rows - 1);
            fold(outputs.length / rows * (rows - 1));
            return rows - 1;
        }

        private void fold(int words) {
            long x = checksum;
            for (int i = 0; i < words; i++) {
                x ^= outputs[i];
            }
            checksum = x;
        }
    }
}
