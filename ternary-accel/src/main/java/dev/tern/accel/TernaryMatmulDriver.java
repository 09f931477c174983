package dev.tern.accel;

import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.Simulator;

import java.math.BigInteger;
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
        long loadStart = sim.cycle();
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < tiles; t++) {
                push("weight_in", TileWords.weights(config, codes, g * config.rows(), t * config.lanes()));
            }
        }
        for (int t = 0; t < tiles; t++) {
            push("activation_in", TileWords.activations(x, t * config.lanes(), config.lanes()));
        }
        long loadCycles = sim.cycle() - loadStart;

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
                throw new IllegalStateException("the unit is still busy after " + limit + " edges of a " + out + " x " + in + " matmul");
            }
            sim.poke("result_out_ready", resultReady.test(edge) ? 1 : 0);
            if (sim.peek("result_out_valid") == 1 && sim.peek("result_out_ready") == 1) {
                BigInteger word = sim.peekBig("result_out_data");
                for (int r = 0; r < config.rows() && received * config.rows() + r < out; r++) {
                    y[received * config.rows() + r] = word.shiftRight(32 * r).intValue();
                }
                received++;
            }
            sim.step();
        }
        if (received != groups) {
            throw new IllegalStateException("the unit delivered " + received + " result words for " + groups + " row groups");
        }
        sim.poke("result_out_ready", 1);
        return new Run(y, loadCycles, sim.peek("cycles"));
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
