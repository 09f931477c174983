package dev.tern.accel.baseline;

import dev.tern.accel.rtl.MinimalWidthAdderTree;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.ir.HwType;

import java.util.List;

/**
 * The INT8 MAC baseline: per row {@code lanes} 8 x 8 signed multipliers into a register, then the exact
 * {@link MinimalWidthAdderTree} of the ternary datapath (16-bit products, a register every
 * {@value #LEVELS_PER_REGISTER} levels) and an INT32 accumulator that wraps.
 */
public final class Int8MacArray extends MacArray {
    static final int LEVELS_PER_REGISTER = 2;

    public Int8MacArray(MacArrayConfig config) {
        super(requireInt8(config));
    }

    private static MacArrayConfig requireInt8(MacArrayConfig config) {
        if (config.precision() != MacPrecision.INT8) {
            throw new IllegalArgumentException("an INT8 MAC array built for " + config.precision());
        }
        return config;
    }

    private static int levelsPerRegister(int lanes) {
        return Math.min(LEVELS_PER_REGISTER, Integer.numberOfTrailingZeros(lanes));
    }

    /** Registers between a tile at the inputs and its row sums. */
    static int tileLatency(MacArrayConfig config) {
        return 1 + MinimalWidthAdderTree.latency(config.lanes(), levelsPerRegister(config.lanes()));
    }

    @Override
    protected HwType resultType() {
        return sint(32);
    }

    @Override
    protected TileSum tileSum(String rowName, List<Signal> weights, List<Signal> activations) {
        int lanes = weights.size();
        MinimalWidthAdderTree tree = instance(rowName + "_tree", new MinimalWidthAdderTree(lanes, sint(16), levelsPerRegister(lanes)));
        Reg productsValid = reg(rowName + "_products_valid", bool(), 0);
        productsValid.set(inValid);
        tree.inValid.set(productsValid);
        for (int i = 0; i < lanes; i++) {
            Reg product = reg(rowName + "_product" + i, sint(16));
            product.enableWhen(inValid);
            product.set(weights.get(i).asSInt().mul(activations.get(i).asSInt()));
            tree.operands.get(i).set(product);
            tree.carries.get(i).set(lit(0, bool()));
        }
        return new TileSum(tree.sum, tree.outValid);
    }

    @Override
    protected Signal accumulate(String rowName, Signal first, Signal accumulator, Signal tileSum) {
        return mux(first, lit(0, sint(32)), accumulator).add(tileSum.sext(32));
    }
}
