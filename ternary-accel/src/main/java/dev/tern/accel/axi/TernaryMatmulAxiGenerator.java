package dev.tern.accel.axi;

import dev.tern.accel.TernaryMatmulGenerator;
import dev.tern.hdl.Component;
import dev.tern.hdl.catalog.DesignGenerator;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.catalog.ParameterSpec;

import java.util.List;

/** The catalog entry {@code ternary-matmul-axi}: a {@link TernaryMatmulAxi} with the parameters of {@code ternary-matmul}. */
public final class TernaryMatmulAxiGenerator implements DesignGenerator {
    public static final String DESIGN = "ternary-matmul-axi";

    private final TernaryMatmulGenerator unit = new TernaryMatmulGenerator();

    @Override
    public String name() {
        return DESIGN;
    }

    @Override
    public String description() {
        return "the ternary matmul unit for FPGA boards: AXI4-Lite control registers and AXI4-Stream weight, activation and result ports";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return unit.parameters();
    }

    @Override
    public Component create(DesignParameters parameters) {
        return new TernaryMatmulAxi(TernaryMatmulGenerator.config(parameters));
    }
}
