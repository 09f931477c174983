package dev.tern.sim.compiler;

/** One step of generated straight-line code: compute a node, or apply a state update of the rising edge. */
sealed interface Step permits Step.Compute, Step.Apply {
    record Compute(int node) implements Step {
    }

    record Apply(StateUpdate update) implements Step {
    }
}
