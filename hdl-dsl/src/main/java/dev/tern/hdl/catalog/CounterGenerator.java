package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;

import java.util.List;

/** The catalog entry for {@link Counter}. */
public final class CounterGenerator implements DesignGenerator {
    static final String NAME = "counter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "up counter with enable, synchronous clear and a wrap flag";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec("width", "8", "bits of the count, 1 to " + Counter.MAX_WIDTH));
    }

    @Override
    public Component create(DesignParameters parameters) {
        return new Counter(parameters.getInt("width"));
    }
}
