package dev.tern.accel;

import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.CycleSimulation;
import dev.tern.sim.Simulator;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Runs matmuls on a {@link TernaryMatmulUnit} in the cycle-accurate simulator, through its ports only:
 * streams the weight and activation words in, starts the job, collects the result words and reads
 * the unit's cycle counter.
 */
public final class TernaryMatmulDriver implements AutoCloseable {
    /** The outputs of one matmul and the clock edges it took. */
    public record Run(int[] y, long loadCycles, long computeCycles) {
    }

    /** One matmul of a sequence: {@code codes} ({@link TernaryWeightCode}s, out x in) times INT8 {@code x}. */
    public record Job(byte[][] codes, byte[] x) {
    }

    private final AcceleratorConfig config;
    private final CycleSimulation sim;

    private TernaryMatmulDriver(AcceleratorConfig config, CycleSimulation sim) {
        this.config = config;
        this.sim = sim;
        sim.reset();
    }

    /** A driver over a freshly generated unit in the compiled simulator. */
    public static TernaryMatmulDriver create(AcceleratorConfig config) {
        return new TernaryMatmulDriver(config, Simulator.compile(Elaborator.elaborate(() -> new TernaryMatmulUnit(config))));
    }

    /**
     * A driver over {@code simulation}, a simulation of {@code new TernaryMatmulUnit(config)} on any engine (the Java
     * simulator, Verilator); it resets the unit. Closing the driver closes the simulation.
     */
    public static TernaryMatmulDriver on(AcceleratorConfig config, CycleSimulation simulation) {
        return new TernaryMatmulDriver(config, simulation);
    }

    /**
     * {@code y = W . x} for {@code codes} ({@link TernaryWeightCode}s, out x in) and INT8 {@code x}.
     *
     * @throws AcceleratorConfigException when the matrix or the vector does not fit the unit's SRAMs
     */
    public Run run(byte[][] codes, byte[] x) {
        return run(codes, x, edge -> true);
    }

    /**
     * Like {@link #run(byte[][], byte[])} with a consumer that is not always ready: {@code resultReady}
     * gives {@code result_out_ready} for each edge of the job, counted from 0 after {@code start}.
     * The cycle count then exceeds {@link TernaryMatmulUnit#jobCycles} by the stalls.
     */
    public Run run(byte[][] codes, byte[] x, LongPredicate resultReady) {
        checkFits(codes, x);
        int out = codes.length;
        int tiles = ceilDiv(x.length, config.lanes());
        int groups = ceilDiv(out, config.rows());
        long loadStart = sim.cycle();
        loadWeights(codes, x.length);
        for (BigInteger word : activationWords(x)) {
            push("activation_in", word);
        }
        long loadCycles = sim.cycle() - loadStart;
        int[] y = compute(out, groups, tiles, resultReady, new ArrayDeque<>(), new ArrayDeque<>());
        return new Run(y, loadCycles, sim.peek("cycles"));
    }

    /**
     * {@code W . x} for each vector of {@code batch}, all of one length, with the weights loaded once:
     * each vector after the first streams into the free activation bank while the one before it
     * computes, so loading overlaps computing. Each run's {@code loadCycles} counts only the edges
     * spent loading outside the jobs.
     *
     * @throws AcceleratorConfigException when the matrix or the vectors do not fit the unit's SRAMs
     */
    public List<Run> runBatch(byte[][] codes, List<byte[]> batch) {
        if (batch.isEmpty()) {
            throw new AcceleratorConfigException(AcceleratorConfig.DESIGN + ": a batch needs at least one activation vector");
        }
        int in = batch.get(0).length;
        for (int b = 1; b < batch.size(); b++) {
            if (batch.get(b).length != in) {
                throw new AcceleratorConfigException(AcceleratorConfig.DESIGN + ": activation vector " + b + " has "
                        + batch.get(b).length + " entries, vector 0 has " + in);
            }
        }
        checkFits(codes, batch.get(0));
        int out = codes.length;
        int tiles = ceilDiv(in, config.lanes());
        int groups = ceilDiv(out, config.rows());
        long loadStart = sim.cycle();
        loadWeights(codes, in);
        Deque<BigInteger> pending = new ArrayDeque<>(activationWords(batch.get(0)));
        List<Run> runs = new ArrayList<>();
        for (int b = 0; b < batch.size(); b++) {
            while (!pending.isEmpty()) {
                push("activation_in", pending.removeFirst());
            }
            long loadCycles = sim.cycle() - loadStart;
            if (b + 1 < batch.size()) {
                pending.addAll(activationWords(batch.get(b + 1)));
            }
            int[] y = compute(out, groups, tiles, edge -> true, new ArrayDeque<>(), pending);
            runs.add(new Run(y, loadCycles, sim.peek("cycles")));
            loadStart = sim.cycle();
        }
        return runs;
    }

    /**
     * Each job's matmul, each with its own matrix: the next job's weight and activation words stream in
     * parallel into the free banks while the current job computes, and what is left of them after it
     * ({@link TernaryMatmulUnit#exposedLoadCycles}) before the next start. Each run's {@code loadCycles}
     * counts only the edges spent loading outside the jobs; the first job's weights and vector also load
     * in parallel, so its {@code loadCycles} is the longer of the two.
     *
     * @throws AcceleratorConfigException when a job's matrix or vector does not fit the unit's SRAMs, naming the job
     */
    public List<Run> runSequence(List<Job> jobs) {
        if (jobs.isEmpty()) {
            throw new AcceleratorConfigException(AcceleratorConfig.DESIGN + ": a sequence needs at least one job");
        }
        for (int j = 0; j < jobs.size(); j++) {
            Job job = jobs.get(j);
            if (job.codes().length > 0 && job.codes()[0].length != job.x().length) {
                throw new AcceleratorConfigException(AcceleratorConfig.DESIGN + ": job " + j + " has " + job.codes()[0].length
                        + " weight columns and " + job.x().length + " activations");
            }
            try {
                checkFits(job.codes(), job.x());
            } catch (AcceleratorConfigException e) {
                throw new AcceleratorConfigException(e.getMessage() + " (job " + j + ")");
            }
        }
        Deque<BigInteger> weights = new ArrayDeque<>(weightWords(jobs.get(0).codes(), jobs.get(0).x().length));
        Deque<BigInteger> activations = new ArrayDeque<>(activationWords(jobs.get(0).x()));
        List<Run> runs = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            long loadStart = sim.cycle();
            feedUntilEmpty(weights, activations);
            long loadCycles = sim.cycle() - loadStart;
            if (j + 1 < jobs.size()) {
                weights.addAll(weightWords(jobs.get(j + 1).codes(), jobs.get(j + 1).x().length));
                activations.addAll(activationWords(jobs.get(j + 1).x()));
            }
            Job job = jobs.get(j);
            int tiles = ceilDiv(job.x().length, config.lanes());
            int groups = ceilDiv(job.codes().length, config.rows());
            int[] y = compute(job.codes().length, groups, tiles, edge -> true, weights, activations);
            runs.add(new Run(y, loadCycles, sim.peek("cycles")));
        }
        return runs;
    }

    private void checkFits(byte[][] codes, byte[] x) {
        checkFits(config, codes, x);
    }

    /**
     * Checks that an {@code out x in} matmul fits the unit's banks.
     *
     * @throws AcceleratorConfigException naming the shape and the depth it exceeds
     */
    public static void checkFits(AcceleratorConfig config, byte[][] codes, byte[] x) {
        int out = codes.length;
        int in = x.length;
        if (out == 0 || in == 0) {
            throw new AcceleratorConfigException(AcceleratorConfig.DESIGN + ": a matmul needs at least one row and one column, got "
                    + out + " x " + in);
        }
        int tiles = ceilDiv(in, config.lanes());
        int groups = ceilDiv(out, config.rows());
        if (tiles > config.activationDepth()) {
            throw new AcceleratorConfigException(AcceleratorConfig.DESIGN + ": in = " + in + " needs " + tiles
                    + " activation words, activation-depth is " + config.activationDepth());
        }
        if ((long) groups * tiles > config.weightDepth()) {
            throw new AcceleratorConfigException(AcceleratorConfig.DESIGN + ": a " + out + " x " + in + " matrix needs "
                    + (long) groups * tiles + " weight words, weight-depth is " + config.weightDepth());
        }
    }

    private void loadWeights(byte[][] codes, int in) {
        for (BigInteger word : weightWords(codes, in)) {
            push("weight_in", word);
        }
    }

    private List<BigInteger> weightWords(byte[][] codes, int in) {
        return weightWords(config, codes, in);
    }

    /** The weight words of a matrix with {@code in} columns in stream order: row group by row group, tile by tile. */
    public static List<BigInteger> weightWords(AcceleratorConfig config, byte[][] codes, int in) {
        List<BigInteger> words = new ArrayList<>();
        for (int g = 0; g * config.rows() < codes.length; g++) {
            for (int t = 0; t * config.lanes() < in; t++) {
                words.add(TileWords.weights(config, codes, g * config.rows(), t * config.lanes()));
            }
        }
        return words;
    }

    private List<BigInteger> activationWords(byte[] x) {
        return activationWords(config, x);
    }

    /** The activation words of {@code x} in stream order, tile 0 first. */
    public static List<BigInteger> activationWords(AcceleratorConfig config, byte[] x) {
        List<BigInteger> words = new ArrayList<>();
        for (int t = 0; t * config.lanes() < x.length; t++) {
            words.add(TileWords.activations(x, t * config.lanes(), config.lanes()));
        }
        return words;
    }

    /**
     * Starts a job and steps until it is done, collecting the result words and meanwhile streaming the
     * {@code weights} and {@code activations} words (taken from the deques as they are accepted) into the free banks.
     */
    private int[] compute(int out, int groups, int tiles, LongPredicate resultReady, Deque<BigInteger> weights,
                          Deque<BigInteger> activations) {
        sim.poke("in_tiles", tiles);
        sim.poke("row_groups", groups);
        sim.poke("start", 1);
        sim.step();
        sim.poke("start", 0);
        int[] y = new int[out];
        int received = 0;
        long limit = 4 * TernaryMatmulUnit.jobCycles(config, groups, tiles) + 64;
        for (long edge = 0; sim.peek("busy") == 1; edge++) {
            if (edge > limit) {
                throw new IllegalStateException("the unit is still busy after " + limit + " edges of a " + out + " x "
                        + tiles * config.lanes() + " matmul");
            }
            sim.poke("result_out_ready", resultReady.test(edge) ? 1 : 0);
            if (sim.peek("result_out_valid") == 1 && sim.peek("result_out_ready") == 1) {
                BigInteger word = sim.peekBig("result_out_data");
                for (int r = 0; r < config.rows() && received * config.rows() + r < out; r++) {
                    y[received * config.rows() + r] = word.shiftRight(32 * r).intValue();
                }
                received++;
            }
            feedOneEdge(weights, activations);
        }
        sim.poke("result_out_ready", 1);
        if (received != groups) {
            throw new IllegalStateException("the unit delivered " + received + " result words for " + groups + " row groups");
        }
        return y;
    }

    private void feedUntilEmpty(Deque<BigInteger> weights, Deque<BigInteger> activations) {
        while (!weights.isEmpty() || !activations.isEmpty()) {
            feedOneEdge(weights, activations);
        }
    }

    /** One edge offering the head of each deque on its stream; an accepted word leaves its deque. */
    private void feedOneEdge(Deque<BigInteger> weights, Deque<BigInteger> activations) {
        boolean weightTaken = offer("weight_in", weights);
        boolean activationTaken = offer("activation_in", activations);
        sim.step();
        if (weightTaken) {
            weights.removeFirst();
        }
        if (activationTaken) {
            activations.removeFirst();
        }
        sim.poke("weight_in_valid", 0);
        sim.poke("activation_in_valid", 0);
    }

    private boolean offer(String stream, Deque<BigInteger> words) {
        boolean offering = !words.isEmpty();
        sim.poke(stream + "_valid", offering ? 1 : 0);
        if (offering) {
            sim.pokeBig(stream + "_data", words.peekFirst());
        }
        return offering && sim.peek(stream + "_ready") == 1;
    }

    private void push(String stream, BigInteger word) {
        StreamHandshake.push(sim, stream, word);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Override
    public void close() {
        sim.close();
    }
}
