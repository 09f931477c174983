package dev.tern.energy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Energy per token (whole token, by component) of each design (in insertion order) as the number of lanes varies. */
public record LanesSweep(String model, List<Integer> lanes, Map<String, List<EnergyBreakdown>> perToken,
        Map<String, String> labels) {

    public LanesSweep {
        lanes = List.copyOf(lanes);
        perToken = Collections.unmodifiableMap(new LinkedHashMap<>(perToken));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
