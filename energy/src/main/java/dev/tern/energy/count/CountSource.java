package dev.tern.energy.count;

import dev.tern.energy.workload.MatmulShape;

import java.util.Optional;

/**
 * Where the action counts of one design's matmuls come from: the analytic rules of the design, or
 * counters measured in a cycle-accurate simulation. A source may know only some shapes.
 */
public interface CountSource {

    /** Shown in reports beside every count it supplied: {@code analytic}, {@code simulated}, ... */
    String label();

    /** Counts of one matmul of this shape (batch 1), if this source has them. */
    Optional<ActionCounts> counts(MatmulShape shape);
}
