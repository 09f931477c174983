package dev.tern.synth.sweep;

import dev.tern.synth.ResourceCounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one configuration of a sweep.
 *
 * @param assignments the swept values, e.g. {@code lanes=16, rows=4}
 * @param parameters  every parameter the design was built with, defaults and model-sized depths included
 * @param area        the cells Yosys counted (empty when the configuration failed)
 * @param cached      whether the area came from the cache
 * @param performance cycles, speed and energy per token, for designs with a cycle model
 * @param failure     the one-line reason the configuration could not be evaluated
 * @param ternaryLanes lanes x rows for the ternary unit (0 for other designs), for LUTs per lane
 * @param baselineAreas the cells of each baseline design of equal throughput, by design name
 */
public record SweepPoint(List<String> assignments, Map<String, String> parameters, Optional<ResourceCounts> area,
                         boolean cached, Optional<Performance> performance, Optional<String> failure, int ternaryLanes,
                         Map<String, ResourceCounts> baselineAreas) {
    public SweepPoint {
        assignments = List.copyOf(assignments);
        baselineAreas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(baselineAreas));
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    public static SweepPoint failed(List<String> assignments, String why) {
        return new SweepPoint(assignments, Map.of(), Optional.empty(), false, Optional.empty(), Optional.of(why), 0, Map.of());
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** {@code lanes=16 rows=4}. */
    public String label() {
        return String.join(" ", assignments);
    }

    /** LUTs per ternary lane, when both are known. */
    public Optional<Double> lutsPerLane() {
        if (area.isEmpty() || ternaryLanes == 0) {
            return Optional.empty();
        }
        return Optional.of((double) area.get().luts() / ternaryLanes);
    }
}
