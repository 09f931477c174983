package dev.tern.hdl.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameter values for one build of a design: the user's {@code name=value} assignments, checked
 * against the generator's parameters, with the defaults filled in for the rest.
 */
public final class DesignParameters {
    private final String design;
    private final Map<String, String> values;

    private DesignParameters(String design, Map<String, String> values) {
        this.design = design;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Parses assignments such as {@code depth=16}.
     *
     * @throws ParameterException for an assignment without {@code =}, a name or value that is empty,
     *                            a name the generator does not have, or a name given twice
     */
    public static DesignParameters parse(DesignGenerator generator, List<String> assignments) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (ParameterSpec spec : generator.parameters()) {
            defaults.put(spec.name(), spec.defaultValue());
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals < 0) {
                throw new ParameterException(generator.name() + ": '" + assignment + "' is not of the form name=value");
            }
            String name = assignment.substring(0, equals).trim();
            String value = assignment.substring(equals + 1).trim();
            if (name.isEmpty()) {
                throw new ParameterException(generator.name() + ": '" + assignment + "' has no parameter name before '='");
            }
            if (!defaults.containsKey(name)) {
                throw new ParameterException(generator.name() + ": unknown parameter '" + name + "'; "
                        + describeNames(generator));
            }
            if (value.isEmpty()) {
                throw new ParameterException(generator.name() + ": parameter " + name + " has no value after '='");
            }
            if (given.putIfAbsent(name, value) != null) {
                throw new ParameterException(generator.name() + ": parameter " + name + " is given twice");
            }
        }
        Map<String, String> values = new LinkedHashMap<>(defaults);
        values.putAll(given);
        return new DesignParameters(generator.name(), values);
    }

    /** Every parameter at its default. */
    public static DesignParameters defaults(DesignGenerator generator) {
        return parse(generator, List.of());
    }

    /** The value as written (or the default). */
    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(design + " has no parameter " + name);
        }
        return value;
    }

    /**
     * The value as a decimal integer; whether it is in range is for the design to check, with
     * {@link ParameterChecks}.
     *
     * @throws ParameterException when it is not an integer that fits a Java {@code int}
     */
    public int getInt(String name) {
        String value = get(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ParameterException(design + ": parameter " + name + " must be an integer, got '" + value + "'");
        }
    }

    /** Every parameter with its value, in the generator's order. */
    public Map<String, String> asMap() {
        return values;
    }

    /** {@code depth=16 width=8}. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String describeNames(DesignGenerator generator) {
        if (generator.parameters().isEmpty()) {
            return generator.name() + " takes no parameters";
        }
        return "valid parameters: " + generator.parameters().stream().map(ParameterSpec::name).collect(Collectors.joining(", "));
    }
}
