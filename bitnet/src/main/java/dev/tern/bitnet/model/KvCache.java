package dev.tern.bitnet.model;

/**
 * The keys (after RoPE) and values of every past position, per layer, for one sequence.
 * Positions are filled in order; {@link #length()} is the next position to fill.
 */
public final class KvCache {
    private final int capacity;
    private final int kvDim;
    private final float[][] keys;
    private final float[][] values;
    private int length;

    /** A cache for up to {@code capacity} positions, at most the model's context. */
    public KvCache(BitNetConfig config, int capacity) {
        if (capacity < 1 || capacity > config.context()) {
            throw new ContextLengthException("KV cache of " + capacity + " positions: must be 1.."
                    + config.context() + " (the model's context)");
        }
        long floats = (long) capacity * config.kvDim();
        if (floats > Integer.MAX_VALUE - 8) {
            throw new ContextLengthException("KV cache of " + capacity + " positions is too large for one layer array");
        }
        this.capacity = capacity;
        this.kvDim = config.kvDim();
        this.keys = new float[config.layers()][(int) floats];
        this.values = new float[config.layers()][(int) floats];
    }

    public int capacity() {
        return capacity;
    }

    public int length() {
        return length;
    }

    /** Forgets every position, keeping the memory. */
    public void clear() {
        length = 0;
    }

    float[] keys(int layer) {
        return keys[layer];
    }

    float[] values(int layer) {
        return values[layer];
    }

    int kvDim() {
        return kvDim;
    }

    /** Checks that {@code count} more positions fit; called before a forward pass touches anything. */
    void requireRoom(int count) {
        if (length + count > capacity) {
            throw new ContextLengthException("sequence of " + (length + count) + " positions exceeds the KV cache of "
                    + capacity + " positions");
        }
    }

    void advance(int count) {
        length += count;
    }
}
