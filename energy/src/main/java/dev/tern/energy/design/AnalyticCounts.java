package dev.tern.energy.design;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.CountSource;
import dev.tern.energy.workload.MatmulShape;

import java.util.Optional;

/** Counts from a design's own analytic rules; knows every shape. */
public record AnalyticCounts(Design design) implements CountSource {

    public static final String LABEL = "analytic";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public Optional<ActionCounts> counts(MatmulShape shape) {
        return Optional.of(design.count(shape));
    }
}
