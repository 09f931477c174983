package dev.tern.bitnet.model;

import java.util.function.Function;

/**
 * The weights of one transformer block. The sub-norms are {@code null} in models without them
 * ({@link BitNetConfig#subNorms()} false).
 */
public record LayerWeights(
        float[] attnNorm,
        BitLinear q,
        BitLinear k,
        BitLinear v,
        float[] attnSubNorm,
        BitLinear o,
        float[] ffnNorm,
        BitLinear gate,
        BitLinear up,
        float[] ffnSubNorm,
        BitLinear down) {

    public BitLinear projection(Projection p) {
        return switch (p) {
            case Q -> q;
            case K -> k;
            case V -> v;
            case O -> o;
            case GATE -> gate;
            case UP -> up;
            case DOWN -> down;
        };
    }

    /** The norm's weights, or {@code null} for a sub-norm the model does not have. */
    public float[] norm(LayerNorm n) {
        return switch (n) {
            case ATTN -> attnNorm;
            case ATTN_SUB -> attnSubNorm;
            case FFN -> ffnNorm;
            case FFN_SUB -> ffnSubNorm;
        };
    }

    /** Builds a block from per-role lookups, so loaders and generators share one assembly order. */
    public static LayerWeights assemble(Function<Projection, BitLinear> projections,
            Function<LayerNorm, float[]> norms) {
        return new LayerWeights(
                norms.apply(LayerNorm.ATTN),
                projections.apply(Projection.Q),
                projections.apply(Projection.K),
                projections.apply(Projection.V),
                norms.apply(LayerNorm.ATTN_SUB),
                projections.apply(Projection.O),
                norms.apply(LayerNorm.FFN),
                projections.apply(Projection.GATE),
                projections.apply(Projection.UP),
                norms.apply(LayerNorm.FFN_SUB),
                projections.apply(Projection.DOWN));
    }
}
