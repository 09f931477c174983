package dev.tern.hdl.catalog;

/**
 * One parameter of a {@link DesignGenerator}: its name as written in {@code name=value}, the value
 * used when it is not given, and a one-line description for help output.
 */
public record ParameterSpec(String name, String defaultValue, String description) {
    public ParameterSpec {
        if (name == null || name.isBlank() || name.contains("=")) {
            throw new IllegalArgumentException("a parameter needs a name without '=', got '" + name + "'");
        }
        if (defaultValue == null || defaultValue.isBlank()) {
            throw new IllegalArgumentException("parameter " + name + " needs a default value");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("parameter " + name + " needs a description");
        }
    }
}
