package dev.tern.sim.engine;

/**
 * One way of running a flattened design. Every engine gives a slot to each leaf (input, register,
 * memory read data), each named signal and each top port ({@link SlotLayout#named}); the simulator reads
 * and writes those slots directly, and tells the engine when it needs them up to date.
 */
public interface Engine {
    /** {@code interpreter} or {@code compiled}, as benchmarks and notices name it. */
    String name();

    SlotLayout layout();

    SimState state();

    /** Brings the slots of the top output ports up to date with the inputs and state. */
    void evaluateOutputs();

    /** Brings every named slot up to date with the inputs and state. */
    void evaluate();

    /**
     * A rising edge: memory reads (before this edge's writes), memory writes in order, registers (reset
     * first, then enable), all computed from the inputs and state as they are before the edge.
     *
     * @param evaluated true when {@link #evaluate} has run since the inputs or state last changed, so an
     *                  engine that reads evaluated values need not evaluate again
     */
    void clockEdge(boolean evaluated);

    /**
     * Runs {@code cycles} cycles from memory: for each, loads the next frame of {@code inputs} (laid out by
     * {@link PortFrame#inputs}) into the input slots, brings the outputs up to date and stores them as the
     * next frame of {@code outputs} ({@link PortFrame#outputs}; skipped when {@code outputs} is null), then
     * a rising edge when the design is clocked. The caller has checked the arguments.
     */
    void runCycles(long[] inputs, int inputFrom, long[] outputs, int outputFrom, int cycles);
}
