package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;

import java.util.List;

/** The catalog entry for {@link AdderTree}. */
public final class AdderTreeGenerator implements DesignGenerator {
    static final String NAME = "adder-tree";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pipelined full-precision adder tree with a valid pipeline, one submodule per level and per adder";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("inputs", "8", "words added, a power of two from 2 to " + AdderTree.MAX_INPUTS),
                new ParameterSpec("width", "8", "bits per input word, 1 to " + AdderTree.MAX_WIDTH),
                new ParameterSpec("stages", "1", "adder levels per pipeline stage: a register every k levels and at the end"));
    }

    @Override
    public Component create(DesignParameters parameters) {
        return new AdderTree(parameters.getInt("inputs"), parameters.getInt("width"), parameters.getInt("stages"));
    }
}
