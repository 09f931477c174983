package dev.tern.bitnet.model;

/** The seven BitLinear projections of a transformer block, with the shapes a config gives them. */
public enum Projection {
    Q, K, V, O, GATE, UP, DOWN;

    public int inFeatures(BitNetConfig c) {
        return switch (this) {
            case Q, K, V, GATE, UP -> c.hidden();
            case O -> c.queryDim();
            case DOWN -> c.intermediate();
        };
    }

    public int outFeatures(BitNetConfig c) {
        return switch (this) {
            case Q -> c.queryDim();
            case K, V -> c.kvDim();
            case O, DOWN -> c.hidden();
            case GATE, UP -> c.intermediate();
        };
    }
}
