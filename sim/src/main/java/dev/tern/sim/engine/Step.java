package dev.tern.sim.engine;

/** One computation of the interpreter's evaluation: reads slots of the value array and writes others. */
@FunctionalInterface
interface Step {
    void run(long[] v);
}
