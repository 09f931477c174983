package dev.tern.synth.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The points no other point beats on both a cost (lower is better) and a benefit (higher is better). */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** The non-dominated points, by increasing cost. */
    public static <T> List<T> of(List<T> points, ToDoubleFunction<T> cost, ToDoubleFunction<T> benefit) {
        List<T> front = new ArrayList<>();
        for (T candidate : points) {
            boolean dominated = false;
            for (T other : points) {
                boolean noWorse = cost.applyAsDouble(other) <= cost.applyAsDouble(candidate)
                        && benefit.applyAsDouble(other) >= benefit.applyAsDouble(candidate);
                boolean better = cost.applyAsDouble(other) < cost.applyAsDouble(candidate)
                        || benefit.applyAsDouble(other) > benefit.applyAsDouble(candidate);
                if (noWorse && better) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        front.sort((a, b) -> Double.compare(cost.applyAsDouble(a), cost.applyAsDouble(b)));
        return front;
    }
}
