package dev.tern.sim.engine;

/**
 * One way of running a flattened design: it computes the combinational values from the inputs and
 * state, and applies a rising edge. Every engine gives a slot to each leaf, each named signal, each top
 * port and each value a rising edge reads (see {@link SlotLayout#observable}); the simulator reads and
 * writes those slots directly.
 */
public interface Engine {
    /** {@code interpreter} or {@code compiled}, as benchmarks and notices name it. */
    String name();

    SlotLayout layout();

    SimState state();

    /** Brings every combinational slot up to date with the inputs and state. */
    void evaluate();

    /**
     * A rising edge, reading the values of the last {@link #evaluate}: memory reads (before this edge's
     * writes), memory writes in order, then registers (reset first, then enable).
     */
    void clockEdge();
}
