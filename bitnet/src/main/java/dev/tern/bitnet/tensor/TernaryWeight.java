package dev.tern.bitnet.tensor;

/**
 * The weights of one BitLinear projection: its trits and the per-tensor scale {@code gamma}, the value
 * a +1 weight stands for. The projection computes {@code y = (W . xq) * scale / activationScale}.
 * File formats that store the inverse of gamma convert on load, so here the scale always multiplies.
 */
public record TernaryWeight(PackedTernaryMatrix matrix, float scale) {
    public TernaryWeight {
        if (!(Float.isFinite(scale))) {
            throw new IllegalArgumentException("ternary weight scale is not finite: " + scale);
        }
    }

    public int outFeatures() {
        return matrix.rows();
    }

    public int inFeatures() {
        return matrix.cols();
    }
}
