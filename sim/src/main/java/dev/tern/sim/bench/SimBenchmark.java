package dev.tern.sim.bench;

import dev.tern.hdl.ir.Design;
import dev.tern.sim.Port;
import dev.tern.sim.Simulator;
import dev.tern.sim.ops.WideOps;
import dev.tern.sim.stimulus.RandomStimulus;
import dev.tern.sim.stimulus.StimulusTable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures the simulation speed of the Java engines on a design, the way a Verilator harness would be
 * measured: the same seeded random inputs ({@link RandomStimulus}, replayed from a
 * {@link StimulusTable}), every input poked and every output read in every cycle.
 *
 * <p>Setup time runs from the IR to the end of the first cycle (flattening, and for the compiled engine
 * code generation, compilation and loading). The speed is measured after a warm-up that lets the JIT
 * compile the generated code, over at least the configured time.
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

    /** A design to measure under a short name. */
    public record Case(String name, Design design) {
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
            cases.add(new Case("ternary-tree-" + lanes, TernaryDotProductTree.design(lanes)));
        }
        return cases;
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

    public Measurement measure(Case c, Engine engine) {
        long start = System.nanoTime();
        Simulator sim = engine == Engine.COMPILED ? Simulator.compile(c.design()) : Simulator.interpret(c.design());
        Cycle cycle = new Cycle(sim, StimulusTable.record(sim, new RandomStimulus(seed), stimulusRows));
        cycle.run(0);
        double setup = seconds(System.nanoTime() - start);

        long next = 1;
        long batch = 16;
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            for (long i = 0; i < batch; i++) {
                cycle.run(next++);
            }
            batch = Math.min(batch * 2, 1 << 20);
        }
        long first = next;
        long measureStart = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long measureEnd = measureStart + (long) (measureSeconds * 1e9);
        batch = Math.max(16, batch / 8);
        long now;
        do {
            for (long i = 0; i < batch; i++) {
                cycle.run(next++);
            }
            now = System.nanoTime();
        } while (now < measureEnd);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        checksum ^= cycle.checksum;
        double elapsed = seconds(now - measureStart);
        long cycles = next - first;
        return new Measurement(c.name(), sim.engine(), cycles / elapsed, setup, cycles, elapsed, seconds(cpu));
    }

    /** An XOR of every output word read, so that no reading can be optimised away. */
    public long checksum() {
        return checksum;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** One benchmark cycle: poke the inputs, read every output, rising edge. */
    private static final class Cycle {
        private final Simulator sim;
        private final StimulusTable stimulus;
        private final Port[] outputs;
        private final long[] words;
        long checksum;

        Cycle(Simulator sim, StimulusTable stimulus) {
            this.sim = sim;
            this.stimulus = stimulus;
            this.outputs = sim.outputs().toArray(Port[]::new);
            int most = 1;
            for (Port p : outputs) {
                most = Math.max(most, WideOps.words(p.width()));
            }
            this.words = new long[most];
        }

        void run(long cycle) {
            stimulus.apply(sim, cycle);
            for (Port p : outputs) {
                sim.peekWords(p, words, 0);
                checksum ^= words[0];
            }
            sim.step();
        }
    }
}
