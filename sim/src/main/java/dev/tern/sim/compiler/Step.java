package dev.tern.sim.compiler;

/**
 * One step of generated code: compute a node, apply a state update of the rising edge, update the
 * registers of a lane group in one loop, or extract a block of lane fields with vector loops.
 */
sealed interface Step permits Step.Compute, Step.Apply, Step.Lanes, Step.Fields {
    record Compute(int node) implements Step {
    }

    record Apply(StateUpdate update) implements Step {
    }

    record Lanes(LaneGroup group) implements Step {
    }

    record Fields(LaneFields fields) implements Step {
    }
}
