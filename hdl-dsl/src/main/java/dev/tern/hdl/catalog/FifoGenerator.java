package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;

import java.util.List;

/** The catalog entry for {@link Fifo}. */
public final class FifoGenerator implements DesignGenerator {
    static final String NAME = "fifo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "synchronous FIFO on a block RAM with valid/ready streams in and out";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("depth", "16", "words held, a power of two from 2 to " + Fifo.MAX_DEPTH),
                new ParameterSpec("width", "8", "bits per word, 1 to " + Fifo.MAX_WIDTH));
    }

    @Override
    public Component create(DesignParameters parameters) {
        return new Fifo(parameters.getInt("depth"), parameters.getInt("width"));
    }
}
