package dev.tern.sim.compiler;

/**
 * The base class of the Java that {@link JavaCodeGenerator} writes for one design: straight-line code
 * over the value array, split into methods small enough for the JIT.
 */
public abstract class CompiledModel {
    /** The value array; generated methods copy it into a local first. */
    protected final long[] v;

    protected CompiledModel(long[] values) {
        this.v = values;
    }

    /** The nodes the top output ports depend on, in levelised order. */
    public abstract void evaluateOutputs();

    /** The other nodes named signals depend on; assumes {@link #evaluateOutputs} just ran. */
    public abstract void evaluateRest();

    public final void evaluate() {
        evaluateOutputs();
        evaluateRest();
    }

    /** One rising edge from the inputs and state alone: memory reads, memory writes and registers in place. */
    public abstract void clockEdge();

    /** The batch run of {@code Engine.runCycles}, with the frames of the design's ports copied by straight code. */
    public abstract void runCycles(long[] inputs, int inputFrom, long[] outputs, int outputFrom, int cycles);
}
