package dev.tern.accel.baseline;

import dev.tern.hdl.Component;
import dev.tern.hdl.catalog.DesignGenerator;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.catalog.ParameterSpec;

import java.util.List;

/** The catalog entries {@code int8-mac} and {@code fp16-mac}: a {@link MacArrayUnit} built from command-line parameters. */
public final class MacArrayGenerator implements DesignGenerator {
    private final MacPrecision precision;

    public MacArrayGenerator(MacPrecision precision) {
        this.precision = precision;
    }

    @Override
    public String name() {
        return precision.design();
    }

    @Override
    public String description() {
        return precision == MacPrecision.INT8
                ? "INT8 x INT8 MAC baseline: multipliers, adder trees, INT32 accumulators, the ternary unit's SRAMs and streams"
                : "FP16 MAC baseline: IEEE half multipliers and adders, round to nearest even, the ternary unit's SRAMs and streams";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("lanes", "64", "MACs per row per cycle, a power of two from " + MacArrayConfig.MIN_LANES
                        + " to " + MacArrayConfig.MAX_LANES),
                new ParameterSpec("rows", "4", "output rows in parallel, 1 to " + MacArrayConfig.MAX_ROWS),
                new ParameterSpec("weight-depth", "1024", "weight SRAM words (rows x lanes weights each), a power of two"),
                new ParameterSpec("activation-depth", "64", "activation SRAM words (lanes activations each), a power of two"));
    }

    @Override
    public Component create(DesignParameters parameters) {
        return new MacArrayUnit(config(parameters));
    }

    /**
     * The configuration the parameters describe.
     *
     * @throws dev.tern.accel.AcceleratorConfigException naming the parameter and the limit it breaks
     */
    public MacArrayConfig config(DesignParameters parameters) {
        return new MacArrayConfig(precision, parameters.getInt("lanes"), parameters.getInt("rows"),
                parameters.getInt("weight-depth"), parameters.getInt("activation-depth"));
    }
}
