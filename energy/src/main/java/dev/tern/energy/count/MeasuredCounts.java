package dev.tern.energy.count;

import dev.tern.energy.workload.MatmulShape;

import java.util.Map;
import java.util.Optional;

/** Counts measured elsewhere (the simulator's event counters), one per matmul shape. */
public record MeasuredCounts(String label, Map<MatmulShape, ActionCounts> byShape) implements CountSource {

    public MeasuredCounts {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("measured counts need a label");
        }
        byShape = Map.copyOf(byShape);
    }

    /** Counts from the cycle-accurate simulation, labelled {@code simulated}. */
    public static MeasuredCounts simulated(Map<MatmulShape, ActionCounts> byShape) {
        return new MeasuredCounts("simulated", byShape);
    }

    @Override
    public Optional<ActionCounts> counts(MatmulShape shape) {
        return Optional.ofNullable(byShape.get(shape));
    }
}
