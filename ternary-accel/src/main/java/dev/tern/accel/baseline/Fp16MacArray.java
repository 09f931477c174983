package dev.tern.accel.baseline;

import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.ir.HwType;

import java.util.ArrayList;
import java.util.List;

/**
 * The FP16 MAC baseline: per row {@code lanes} {@link HalfMultiplier}s into a register, a balanced tree of
 * {@link HalfAdder}s with a register after every level, and an FP16 accumulator fed by one more
 * {@link HalfAdder}. Every operation rounds to nearest even, in the order {@link MacGolden} documents.
 */
public final class Fp16MacArray extends MacArray {
    public Fp16MacArray(MacArrayConfig config) {
        super(requireFp16(config));
    }

    private static MacArrayConfig requireFp16(MacArrayConfig config) {
        if (config.precision() != MacPrecision.FP16) {
            throw new IllegalArgumentException("an FP16 MAC array built for " + config.precision());
        }
        return config;
    }

    /** Registers between a tile at the inputs and its row sums. */
    static int tileLatency(MacArrayConfig config) {
        return 1 + config.treeLevels();
    }

    @Override
    protected HwType resultType() {
        return uint(16);
    }

    @Override
    protected TileSum tileSum(String rowName, List<Signal> weights, List<Signal> activations) {
        List<Signal> level = new ArrayList<>();
        Reg valid = reg(rowName + "_products_valid", bool(), 0);
        valid.set(inValid);
        for (int i = 0; i < weights.size(); i++) {
            HalfMultiplier multiplier = instance(rowName + "_multiplier" + i, new HalfMultiplier());
            multiplier.a.set(weights.get(i));
            multiplier.b.set(activations.get(i));
            Reg product = reg(rowName + "_product" + i, uint(16));
            product.enableWhen(inValid);
            product.set(multiplier.product);
            level.add(product);
        }
        Signal levelValid = valid;
        for (int depth = 1; level.size() > 1; depth++) {
            List<Signal> next = new ArrayList<>();
            for (int i = 0; i < level.size() / 2; i++) {
                HalfAdder adder = instance(rowName + "_level" + depth + "_adder" + i, new HalfAdder());
                adder.a.set(level.get(2 * i));
                adder.b.set(level.get(2 * i + 1));
                Reg sum = reg(rowName + "_level" + depth + "_sum" + i, uint(16));
                sum.enableWhen(levelValid);
                sum.set(adder.sum);
                next.add(sum);
            }
            Reg nextValid = reg(rowName + "_level" + depth + "_valid", bool(), 0);
            nextValid.set(levelValid);
            levelValid = nextValid;
            level = next;
        }
        return new TileSum(level.get(0), levelValid);
    }

    @Override
    protected Signal accumulate(String rowName, Signal first, Signal accumulator, Signal tileSum) {
        HalfAdder adder = instance(rowName + "_accumulate", new HalfAdder());
        adder.a.set(accumulator);
        adder.b.set(tileSum);
        return mux(first, tileSum, adder.sum);
    }
}
