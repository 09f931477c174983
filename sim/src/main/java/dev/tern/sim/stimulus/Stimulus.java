package dev.tern.sim.stimulus;

import dev.tern.sim.Simulator;

/** The inputs of a run: before each rising edge, sets the inputs for the cycle that edge ends. */
@FunctionalInterface
public interface Stimulus {
    /** Pokes the inputs of cycle {@code cycle} (counted from 0 at the start of the run). */
    void apply(Simulator simulator, long cycle);
}
