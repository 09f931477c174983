package dev.tern.synth.sweep;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.energy.workload.BitLinear;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.energy.workload.ModelShape;
import dev.tern.synth.SynthException;

/**
 * Clock edges and weight traffic of a model's BitLinear layers on one ternary matmul unit, from the
 * unit's cycle formula ({@link TernaryMatmulUnit#jobCycles}) and its load rule (one weight or
 * activation word accepted per edge, loading and computing not overlapped).
 *
 * <p>A matrix larger than the weight SRAM runs as jobs of as many whole row groups as fit; each job
 * loads its weight words, the activation words again, then computes.
 */
public final class TernaryMatmulCycles {
    private final AcceleratorConfig config;

    public TernaryMatmulCycles(AcceleratorConfig config) {
        this.config = config;
    }

    /** Clock edges of one {@code out x in} matrix-vector product, loading included. */
    public long cycles(MatmulShape shape) {
        long tiles = tiles(shape);
        long groups = ceilDiv(shape.out(), config.rows());
        long groupsPerJob = config.weightDepth() / tiles;
        long total = 0;
        for (long done = 0; done < groups; done += groupsPerJob) {
            long jobGroups = Math.min(groupsPerJob, groups - done);
            total += jobGroups * tiles + tiles + TernaryMatmulUnit.jobCycles(config, jobGroups, tiles);
        }
        return total;
    }

    /** Bytes of weight words streamed in for one product: every row group's tiles, whole words. */
    public long weightBytes(MatmulShape shape) {
        long words = ceilDiv(shape.out(), config.rows()) * tiles(shape);
        return words * config.weightWordBits() / 8;
    }

    /** Every BitLinear of every layer for one decoded token. */
    public long cyclesPerToken(ModelShape model) {
        long perLayer = 0;
        for (BitLinear projection : model.bitLinearsPerLayer()) {
            perLayer += cycles(projection.shape());
        }
        return perLayer * model.layers();
    }

    public long weightBytesPerToken(ModelShape model) {
        long perLayer = 0;
        for (BitLinear projection : model.bitLinearsPerLayer()) {
            perLayer += weightBytes(projection.shape());
        }
        return perLayer * model.layers();
    }

    /** @throws SynthException when one input vector does not fit the activation SRAM or one row group the weight SRAM */
    private long tiles(MatmulShape shape) {
        long tiles = ceilDiv(shape.in(), config.lanes());
        if (tiles > config.activationDepth() || tiles > config.weightDepth()) {
            throw new SynthException(AcceleratorConfig.DESIGN + ": an input of " + shape.in() + " needs " + tiles
                    + " words of " + config.lanes() + " lanes; activation-depth is " + config.activationDepth()
                    + " and weight-depth " + config.weightDepth());
        }
        return tiles;
    }

    /**
     * The smallest power-of-two SRAM depth that holds the widest input vector of {@code model} at
     * {@code lanes} lanes, at least {@code minimum}: what a sweep uses when the user leaves the depths open.
     */
    public static int depthFor(ModelShape model, int lanes, int minimum) {
        int widest = model.bitLinearsPerLayer().stream().mapToInt(b -> b.shape().in()).max().orElseThrow();
        long tiles = ceilDiv(widest, lanes);
        long depth = Math.max(minimum, AcceleratorConfig.MIN_DEPTH);
        while (depth < tiles) {
            depth <<= 1;
        }
        return (int) Math.min(depth, AcceleratorConfig.MAX_DEPTH);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
