package dev.tern.bitnet.model;

/** Told about every BitLinear the forward pass runs: for counters, energy estimates and traces. */
@FunctionalInterface
public interface BitLinearObserver {
    BitLinearObserver NONE = (layer, projection, inFeatures, outFeatures, tokens) -> { };

    /** One integer matmul of a {@code outFeatures x inFeatures} projection with {@code tokens} activation vectors. */
    void onBitLinear(int layer, Projection projection, int inFeatures, int outFeatures, int tokens);
}
