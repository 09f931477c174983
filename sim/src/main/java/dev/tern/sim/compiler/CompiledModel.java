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

    /** Every combinational slot from the inputs and state, in levelised order. */
    public abstract void evaluate();

    /** One rising edge: memory reads, memory writes, registers. */
    public abstract void clockEdge();
}
