package dev.tern.energy.design;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.workload.MatmulShape;

import java.util.Map;

/**
 * A matmul engine compared by the energy model: a function from a matmul shape to the actions one
 * matmul at batch 1 takes. Each implementation holds its counting rules in one place.
 */
public sealed interface Design permits TernaryAdderTree, MacArray {

    /** A stable identifier used as a key in reports: {@code ternary}, {@code int8-mac}, {@code fp16-mac}. */
    String id();

    /** A human-readable name. */
    String label();

    /** The parameters that shape the counts, for the report's assumptions. */
    Map<String, String> parameters();

    /** Whether the core computes on integers, so activations are quantised before it and outputs rescaled after. */
    boolean integerCore();

    ArrayConfig config();

    /** Analytic counts of one matmul of this shape. */
    ActionCounts count(MatmulShape shape);

    /** The same design with another number of lanes, for the lanes sweep. */
    Design withLanes(int lanes);
}
