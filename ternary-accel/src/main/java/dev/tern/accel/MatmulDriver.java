package dev.tern.accel;

import dev.tern.sim.CycleSimulation;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Runs matmuls on a {@link dev.tern.accel.rtl.MatmulUnit} of any arithmetic, through its ports only: streams
 * the weight and activation words in (the next job's while the current one computes), starts the jobs,
 * collects the result words and reads the unit's cycle counter. A {@link WordPacking} says how matrices
 * {@code M} and vectors {@code V} of the unit's number format become words.
 */
public class MatmulDriver<M, V> implements AutoCloseable {
    /** The outputs of one matmul (as the packing reads them) and the clock edges it took. */
    public record Run(int[] y, long loadCycles, long computeCycles) {
    }

    private final WordPacking<M, V> packing;
    private final CycleSimulation sim;

    /** A driver over {@code simulation}, a simulation of the unit {@code packing} describes; it resets the unit. */
    protected MatmulDriver(WordPacking<M, V> packing, CycleSimulation simulation) {
        this.packing = packing;
        this.sim = simulation;
        sim.reset();
    }

    /**
     * {@code y = W . x}: the matrix and the vector load one after the other, then the job runs.
     *
     * @throws AcceleratorConfigException when the matmul does not fit the unit ({@link WordPacking#checkFits})
     */
    public Run run(M weights, V x) {
        return run(weights, x, edge -> true);
    }

    /**
     * Like {@link #run(Object, Object)} with a consumer that is not always ready: {@code resultReady}
     * gives {@code result_out_ready} for each edge of the job, counted from 0 after {@code start}.
     * The cycle count then exceeds the unit's cycle formula by the stalls.
     */
    public Run run(M weights, V x, LongPredicate resultReady) {
        packing.checkFits(weights, x);
        long loadStart = sim.cycle();
        for (BigInteger word : packing.weightWords(weights, packing.length(x))) {
            StreamHandshake.push(sim, "weight_in", word);
        }
        for (BigInteger word : packing.activationWords(x)) {
            StreamHandshake.push(sim, "activation_in", word);
        }
        long loadCycles = sim.cycle() - loadStart;
        int[] y = compute(weights, x, resultReady, new ArrayDeque<>(), new ArrayDeque<>());
        return new Run(y, loadCycles, sim.peek("cycles"));
    }

    /**
     * {@code W . x} for each vector of {@code batch}, all of one length, with the weights loaded once:
     * each vector after the first streams into the free activation bank while the one before it
     * computes, so loading overlaps computing. Each run's {@code loadCycles} counts only the edges
     * spent loading outside the jobs.
     *
     * @throws AcceleratorConfigException when the matrix or the vectors do not fit the unit
     */
    public List<Run> runBatch(M weights, List<V> batch) {
        if (batch.isEmpty()) {
            throw new AcceleratorConfigException(packing.design() + ": a batch needs at least one activation vector");
        }
        int in = packing.length(batch.get(0));
        for (int b = 1; b < batch.size(); b++) {
            if (packing.length(batch.get(b)) != in) {
                throw new AcceleratorConfigException(packing.design() + ": activation vector " + b + " has "
                        + packing.length(batch.get(b)) + " entries, vector 0 has " + in);
            }
        }
        for (V x : batch) {
            packing.checkFits(weights, x);
        }
        long loadStart = sim.cycle();
        for (BigInteger word : packing.weightWords(weights, in)) {
            StreamHandshake.push(sim, "weight_in", word);
        }
        Deque<BigInteger> pending = new ArrayDeque<>(packing.activationWords(batch.get(0)));
        List<Run> runs = new ArrayList<>();
        for (int b = 0; b < batch.size(); b++) {
            while (!pending.isEmpty()) {
                StreamHandshake.push(sim, "activation_in", pending.removeFirst());
            }
            long loadCycles = sim.cycle() - loadStart;
            if (b + 1 < batch.size()) {
                pending.addAll(packing.activationWords(batch.get(b + 1)));
            }
            int[] y = compute(weights, batch.get(b), edge -> true, new ArrayDeque<>(), pending);
            runs.add(new Run(y, loadCycles, sim.peek("cycles")));
            loadStart = sim.cycle();
        }
        return runs;
    }

    /**
     * Job {@code j}'s matmul {@code matrices[j] . vectors[j]} for each {@code j}, each with its own matrix: the next job's weight
     * and activation words stream in parallel into the free banks while the current job computes, and what is
     * left of them after it ({@link dev.tern.accel.rtl.MatmulUnit#exposedLoadCycles}) before the next start.
     * Each run's {@code loadCycles} counts only the edges spent loading outside the jobs; the first job's
     * weights and vector also load in parallel, so its {@code loadCycles} is the longer of the two.
     *
     * @throws AcceleratorConfigException when a job does not fit the unit, naming the job, or the lists differ in length
     */
    public List<Run> runSequence(List<M> matrices, List<V> vectors) {
        if (matrices.isEmpty()) {
            throw new AcceleratorConfigException(packing.design() + ": a sequence needs at least one job");
        }
        if (matrices.size() != vectors.size()) {
            throw new AcceleratorConfigException(packing.design() + ": a sequence of " + matrices.size() + " matrices and "
                    + vectors.size() + " activation vectors");
        }
        for (int j = 0; j < matrices.size(); j++) {
            try {
                packing.checkFits(matrices.get(j), vectors.get(j));
            } catch (AcceleratorConfigException e) {
                throw new AcceleratorConfigException(e.getMessage() + " (job " + j + ")");
            }
        }
        Deque<BigInteger> weights = new ArrayDeque<>();
        Deque<BigInteger> activations = new ArrayDeque<>();
        List<Run> runs = new ArrayList<>();
        for (int j = 0; j < matrices.size(); j++) {
            if (j == 0) {
                queue(matrices.get(0), vectors.get(0), weights, activations);
            }
            long loadStart = sim.cycle();
            while (!weights.isEmpty() || !activations.isEmpty()) {
                feedOneEdge(weights, activations);
            }
            long loadCycles = sim.cycle() - loadStart;
            if (j + 1 < matrices.size()) {
                queue(matrices.get(j + 1), vectors.get(j + 1), weights, activations);
            }
            int[] y = compute(matrices.get(j), vectors.get(j), edge -> true, weights, activations);
            runs.add(new Run(y, loadCycles, sim.peek("cycles")));
        }
        return runs;
    }

    private void queue(M matrix, V vector, Deque<BigInteger> weights, Deque<BigInteger> activations) {
        weights.addAll(packing.weightWords(matrix, packing.length(vector)));
        activations.addAll(packing.activationWords(vector));
    }

    /**
     * Starts the job and steps until it is done, collecting the result words and meanwhile streaming the
     * {@code weights} and {@code activations} words (taken from the deques as they are accepted) into the free banks.
     */
    private int[] compute(M matrix, V vector, LongPredicate resultReady, Deque<BigInteger> weights, Deque<BigInteger> activations) {
        int out = packing.outputs(matrix);
        int tiles = ceilDiv(packing.length(vector), packing.lanes());
        int groups = ceilDiv(out, packing.rows());
        sim.poke("in_tiles", tiles);
        sim.poke("row_groups", groups);
        sim.poke("start", 1);
        sim.step();
        sim.poke("start", 0);
        int[] y = new int[out];
        int received = 0;
        long limit = 4 * packing.jobCycles(groups, tiles) + 64;
        for (long edge = 0; sim.peek("busy") == 1; edge++) {
            if (edge > limit) {
                throw new IllegalStateException("the unit is still busy after " + limit + " edges of a " + out + " x "
                        + tiles * packing.lanes() + " matmul");
            }
            sim.poke("result_out_ready", resultReady.test(edge) ? 1 : 0);
            if (sim.peek("result_out_valid") == 1 && sim.peek("result_out_ready") == 1) {
                if ((sim.peek("result_last") == 1) != (received == groups - 1)) {
                    throw new IllegalStateException("result_last is " + sim.peek("result_last") + " on result word " + received
                            + " of " + groups);
                }
                BigInteger word = sim.peekBig("result_out_data");
                for (int r = 0; r < packing.rows() && received * packing.rows() + r < out; r++) {
                    y[received * packing.rows() + r] = packing.result(word, r);
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

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Override
    public void close() {
        sim.close();
    }
}
