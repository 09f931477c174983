package dev.tern.synth.sweep;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.AcceleratorConfigException;
import dev.tern.accel.ChunkedMatVec;
import dev.tern.energy.workload.BitLinear;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.energy.workload.ModelShape;
import dev.tern.synth.SynthException;

/**
 * Clock edges and weight traffic of a model's BitLinear layers on one ternary matmul unit, from the
 * schedule the BitNet backends run ({@link ChunkedMatVec}: jobs of as many whole row groups as the weight
 * bank holds, each loading while the one before it computes) and the unit's cycle formula.
 */
public final class TernaryMatmulCycles {
    private final AcceleratorConfig config;

    public TernaryMatmulCycles(AcceleratorConfig config) {
        this.config = config;
    }

    /**
     * Clock edges of one {@code out x in} matrix-vector product, exposed loading included.
     *
     * @throws SynthException when one input vector does not fit the activation SRAM or one row group the weight SRAM
     */
    public long cycles(MatmulShape shape) {
        try {
            return ChunkedMatVec.cycles(config, shape.out(), shape.in(), 1);
        } catch (AcceleratorConfigException e) {
            throw new SynthException(e.getMessage());
        }
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

    private long tiles(MatmulShape shape) {
        return ceilDiv(shape.in(), config.lanes());
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
