package dev.tern.accel.baseline;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.ir.HwType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The arithmetic of a MAC baseline, with the ports of the ternary {@link dev.tern.accel.rtl.TernaryMatVecCore}:
 * {@code rows} rows of {@code lanes} multipliers sharing one tile of activations, each row's products summed
 * by a tree and then by its accumulator along {@code in}, in the order {@link MacGolden} documents.
 *
 * <p>Each cycle with {@code in_valid} takes one tile: {@code activations} (lane {@code i} in bits
 * {@code e*i+e-1..e*i}) and {@code weights} (row {@code r} from bit {@code r * lanes * e}). {@code in_first}
 * marks a row group's first tile, {@code in_last} its last. {@link #latency} cycles after a last tile is
 * taken, {@code out_valid} is high for one cycle and {@code result<r>} holds row {@code r}'s result.
 */
public abstract sealed class MacArray extends Component permits Int8MacArray, Fp16MacArray {
    /** A row's tile sum and the flag that marks it valid, some registers after the tile came in. */
    protected record TileSum(Signal sum, Signal valid) {
    }

    public final Input inValid = input("in_valid", bool());
    public final Input inFirst = input("in_first", bool());
    public final Input inLast = input("in_last", bool());
    public final Input activations;
    public final Input weights;
    public final Output outValid = output("out_valid", bool());
    public final List<Output> results;

    MacArray(MacArrayConfig config) {
        parameter("lanes", config.lanes());
        parameter("rows", config.rows());
        activations = input("activations", uint(config.activationWordBits()));
        weights = input("weights", uint(config.weightWordBits()));
        int tileLatency = latency(config) - 1;
        Signal firstAtSum = delay("first", inFirst, tileLatency);
        Signal lastAtSum = delay("last", inLast, tileLatency);
        int elementBits = config.precision().elementBits();
        List<Output> outs = new ArrayList<>();
        Signal sumValid = null;
        for (int r = 0; r < config.rows(); r++) {
            List<Signal> weightLanes = new ArrayList<>();
            List<Signal> activationLanes = new ArrayList<>();
            for (int i = 0; i < config.lanes(); i++) {
                int low = elementBits * i;
                weightLanes.add(weights.bits(r * config.rowBits() + low + elementBits - 1, r * config.rowBits() + low));
                activationLanes.add(activations.bits(low + elementBits - 1, low));
            }
            TileSum tile = tileSum("row" + r, weightLanes, activationLanes);
            Reg accumulator = reg("accumulator" + r, resultType(), 0);
            accumulator.enableWhen(tile.valid());
            accumulator.set(accumulate("row" + r, firstAtSum, accumulator, tile.sum()));
            Output result = output("result" + r, resultType());
            result.set(accumulator);
            outs.add(result);
            sumValid = tile.valid();
        }
        results = Collections.unmodifiableList(outs);
        Reg done = reg("done", bool(), 0);
        done.set(sumValid.and(lastAtSum));
        outValid.set(done);
    }

    /** Cycles from a last tile at the inputs to {@code out_valid}: the tile sum's registers and the accumulator. */
    public static int latency(MacArrayConfig config) {
        int tileLatency = config.precision() == MacPrecision.INT8 ? Int8MacArray.tileLatency(config) : Fp16MacArray.tileLatency(config);
        return tileLatency + 1;
    }

    /** The type of a row's accumulator and result. */
    protected abstract HwType resultType();

    /** A row's tile sum of {@code weights[i] * activations[i]}, {@link #latency} minus one registers later, valid with {@code in_valid}. */
    protected abstract TileSum tileSum(String rowName, List<Signal> weights, List<Signal> activations);

    /** The accumulator's next value: the tile sum on a row group's first tile, else the accumulator plus the tile sum. */
    protected abstract Signal accumulate(String rowName, Signal first, Signal accumulator, Signal tileSum);

    /** {@code signal} delayed by {@code cycles} registers (none: the signal itself). */
    protected final Signal delay(String name, Signal signal, int cycles) {
        Signal delayed = signal;
        for (int i = 1; i <= cycles; i++) {
            Reg stage = reg(name + "_d" + i, bool(), 0);
            stage.set(delayed);
            delayed = stage;
        }
        return delayed;
    }
}
