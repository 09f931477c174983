package dev.tern.sim.compiler;

/**
 * One step of generated code: compute a node, apply a state update of the rising edge, or update the
 * registers of a lane group in one loop.
 */
sealed interface Step permits Step.Compute, Step.Apply, Step.Lanes {
    record Compute(int node) implements Step {
    }

    record Apply(StateUpdate update) implements Step {
    }

    record Lanes(LaneGroup group) implements Step {
    }
}
