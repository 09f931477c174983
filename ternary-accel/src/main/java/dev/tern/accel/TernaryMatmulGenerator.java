package dev.tern.accel;

import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Component;
import dev.tern.hdl.catalog.DesignGenerator;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.catalog.ParameterSpec;

import java.util.List;
import java.util.Locale;

/** The catalog entry {@code ternary-matmul}: a {@link TernaryMatmulUnit} built from command-line parameters. */
public final class TernaryMatmulGenerator implements DesignGenerator {
    @Override
    public String name() {
        return AcceleratorConfig.DESIGN;
    }

    @Override
    public String description() {
        return "multiplier-free BitNet b1.58 matmul unit: ternary weights, INT8 activations, INT32 results, SRAMs and streams";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("lanes", "64", "activations per cycle, a power of two from " + AcceleratorConfig.MIN_LANES
                        + " to " + AcceleratorConfig.MAX_LANES),
                new ParameterSpec("rows", "4", "output rows in parallel, 1 to " + AcceleratorConfig.MAX_ROWS),
                new ParameterSpec("pipeline", "2", "adder-tree levels per register, 1 to log2(lanes)"),
                new ParameterSpec("encoding", "two-bit", "weight packing: two-bit (code = trit + 1) or base3 (5 trits per byte)"),
                new ParameterSpec("weight-depth", "1024", "weight SRAM words (rows x lanes weights each), a power of two"),
                new ParameterSpec("activation-depth", "64", "activation SRAM words (lanes activations each), a power of two"));
    }

    @Override
    public Component create(DesignParameters parameters) {
        AcceleratorConfig config = config(parameters);
        return new TernaryMatmulUnit(config);
    }

    /**
     * The configuration the parameters describe.
     *
     * @throws AcceleratorConfigException naming the parameter and the limit it breaks
     */
    public static AcceleratorConfig config(DesignParameters parameters) {
        return new AcceleratorConfig(parameters.getInt("lanes"), parameters.getInt("rows"), parameters.getInt("pipeline"),
                encoding(parameters.get("encoding")), parameters.getInt("weight-depth"), parameters.getInt("activation-depth"));
    }

    static WeightEncoding encoding(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "two-bit" -> WeightEncoding.TWO_BIT;
            case "base3" -> WeightEncoding.BASE3;
            default -> throw new AcceleratorConfigException(AcceleratorConfig.DESIGN + ": encoding must be two-bit or base3, got '"
                    + value + "'");
        };
    }
}
