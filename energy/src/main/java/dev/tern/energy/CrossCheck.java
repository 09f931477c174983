package dev.tern.energy;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.CountDifference;
import dev.tern.energy.workload.MatmulShape;

import java.util.List;

/** Analytic counts of one matmul set beside counts from another source (the simulator). */
public record CrossCheck(String model, String matmul, MatmulShape shape, String source, ActionCounts analytic,
        ActionCounts measured) {

    public List<CountDifference> differences() {
        return analytic.differences(measured);
    }

    /** Arithmetic must match exactly; this says whether it does. */
    public boolean arithmeticAgrees() {
        return differences().stream().noneMatch(CountDifference::isArithmetic);
    }

    public boolean agrees() {
        return differences().isEmpty();
    }
}
