package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;

import java.util.List;

/** The catalog entry for {@link Alu}. */
public final class AluGenerator implements DesignGenerator {
    static final String NAME = "alu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ALU (add, sub, and, or, xor, shifts, signed and unsigned less-than) with registered result and valid";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec("width", "32", "bits of the operands and result, 1 to " + Alu.MAX_WIDTH));
    }

    @Override
    public Component create(DesignParameters parameters) {
        return new Alu(parameters.getInt("width"));
    }
}
