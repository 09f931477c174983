package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;

import java.util.List;

/** A parameterised design that the command line can list and build by name. */
public interface DesignGenerator {
    /** The name users type, e.g. {@code fifo}. */
    String name();

    /** One line saying what the design is. */
    String description();

    /** The parameters {@link #create} reads, each with its default, in the order help should list them. */
    List<ParameterSpec> parameters();

    /**
     * Builds the top component. Called inside {@link dev.tern.hdl.Elaborator#elaborate}.
     *
     * @throws ParameterException when a value is malformed or outside what the design supports
     */
    Component create(DesignParameters parameters);
}
