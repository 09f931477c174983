package dev.tern.accel;

import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
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

    private final AcceleratorConfig config;
    private final Simulator sim;

    private TernaryMatmulDriver(AcceleratorConfig config, Simulator sim) {
        this.config = config;
        this.sim = sim;
        sim.reset();
    }

    /** A driver over a freshly generated unit in the compiled simulator. */
    public static TernaryMatmulDriver create(AcceleratorConfig config) {
        return new TernaryMatmulDriver(config, Simulator.compile(Elaborator.elaborate(() -> new TernaryMatmulUnit(config))));
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
        loadWeights(codes, groups, tiles);
        for (BigInteger word : activationWords(x)) {
            push("activation_in", word);
        }
        long loadCycles = sim.cycle() - loadStart;
        int[] y = compute(out, groups, tiles, resultReady, new ArrayDeque<>());
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
        loadWeights(codes, groups, tiles);
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
            int[] y = compute(out, groups, tiles, edge -> true, pending);
            runs.add(new Run(y, loadCycles, sim.peek("cycles")));
            loadStart = sim.cycle();
        }
        return runs;
    }

    private void checkFits(byte[][] codes, byte[] x) {
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

    private void loadWeights(byte[][] codes, int groups, int tiles) {
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < tiles; t++) {
                push("weight_in", TileWords.weights(config, codes, g * config.rows(), t * config.lanes()));
            }
        }
    }

    private List<BigInteger> activationWords(byte[] x) {
        List<BigInteger> words = new ArrayList<>();
        for (int t = 0; t * config.lanes() < x.length; t++) {
            words.add(TileWords.activations(x, t * config.lanes(), config.lanes()));
        }
        return words;
    }

    /**
     * Starts a job and steps until it is done, collecting the result words and meanwhile streaming
     * {@code overlapped} activation words (taken from the deque as they are accepted) into the free bank.
     */
    private int[] compute(int out, int groups, int tiles, LongPredicate resultReady, Deque<BigInteger> overlapped) {
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
            boolean offering = !overlapped.isEmpty();
            sim.poke("activation_in_valid", offering ? 1 : 0);
            if (offering) {
                sim.pokeBig("activation_in_data", overlapped.peekFirst());
            }
            boolean accepted = offering && sim.peek("activation_in_ready") == 1;
            sim.step();
            if (accepted) {
                overlapped.removeFirst();
            }
        }
        sim.poke("activation_in_valid", 0);
        sim.poke("result_out_ready", 1);
        if (received != groups) {
            throw new IllegalStateException("the unit delivered " + received + " result words for " + groups + " row groups");
        }
        return y;
    }

    private void push(String stream, BigInteger word) {
        sim.pokeBig(stream + "_data", word);
        sim.poke(stream + "_valid", 1);
        while (sim.peek(stream + "_ready") == 0) {
            sim.step();
        }
        sim.step();
        sim.poke(stream + "_valid", 0);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Override
    public void close() {
        sim.close();
    }
}
