package dev.tern.synth.sweep;

import dev.tern.synth.SynthException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameter values a sweep crosses, e.g. {@code lanes=16,32,64} and {@code rows=1,2,4}: every combination. */
public record SweepGrid(Map<String, List<String>> axes) {

    public SweepGrid {
        axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    /**
     * Parses {@code name=v1,v2,...} per axis.
     *
     * @throws SynthException for an axis without {@code =}, an empty value or an axis given twice
     */
    public static SweepGrid parse(List<String> axes) {
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String axis : axes) {
            int equals = axis.indexOf('=');
            if (equals <= 0) {
                throw new SynthException("sweep parameter '" + axis + "' is not of the form name=v1,v2,...");
            }
            String name = axis.substring(0, equals).trim();
            List<String> values = Arrays.stream(axis.substring(equals + 1).split(",", -1)).map(String::trim).toList();
            if (values.contains("")) {
                throw new SynthException("sweep parameter " + name + ": empty value in '" + axis + "'");
            }
            if (parsed.put(name, values) != null) {
                throw new SynthException("sweep parameter " + name + " is given twice");
            }
        }
        return new SweepGrid(parsed);
    }

    /** Every combination as {@code name=value} assignments, the last axis varying fastest. */
    public List<List<String>> assignments() {
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : axis.getValue()) {
                    List<String> extended = new ArrayList<>(prefix);
                    extended.add(axis.getKey() + "=" + value);
                    next.add(List.copyOf(extended));
                }
            }
            combinations = next;
        }
        return combinations;
    }
}
