package dev.tern.accel.rtl;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.Base3Codec;
import dev.tern.accel.TernaryWeightCode;
import dev.tern.accel.WeightEncoding;
import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.Signals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The arithmetic of the accelerator: {@code rows} {@link TernaryDotProduct}s sharing one tile of
 * {@code lanes} activations, each followed by an INT32 accumulator that sums its row's tiles along
 * {@code in}.
 *
 * <p>Each cycle with {@code in_valid} takes one tile: {@code activations} (lane {@code i} in bits
 * {@code 8i+7..8i}) and {@code weights}, the packed codes of row {@code r} in bits
 * {@code r*b+b-1..r*b} with {@code b = encoding.bitsFor(lanes)} (two bits per lane, or base-3 bytes
 * decoded by {@link Base3Decoder}s). {@code in_last} marks a row group's last tile; the next tile starts
 * the next group. {@link #latency} cycles after a last tile is taken, {@code out_valid} is high for one
 * cycle and {@code result<r>} holds row {@code r}'s INT32 sum (in that cycle only: it is the accumulator's
 * adder output, and the accumulator clears as the result leaves).
 *
 * <p>Each accumulator is a register and a {@link PlusMinusAdder} that adds the dot product with its sign
 * flag, one LUT per bit. The register's clear at a group's end and its load enable are a flip-flop's
 * synchronous reset and clock enable, so the accumulator needs no other logic.
 */
public final class TernaryMatVecCore extends Component {
    public final Input inValid = input("in_valid", bool());
    public final Input inLast = input("in_last", bool());
    public final Input activations;
    public final Input weights;
    public final Output outValid = output("out_valid", bool());
    public final List<Output> results;

    public TernaryMatVecCore(AcceleratorConfig config) {
        int lanes = config.lanes();
        parameter("lanes", lanes);
        parameter("rows", config.rows());
        parameter("every", config.pipelineEvery());
        parameter("encoding", config.encoding().name().toLowerCase());
        activations = input("activations", uint(config.activationWordBits()));
        weights = input("weights", uint(config.weightWordBits()));
        int rowBits = config.encoding().bitsFor(lanes);
        // High while a group's last tile is at the accumulators.
        Signal groupEnds = delay("last", inLast.and(inValid), latency(config));

        List<Output> outs = new ArrayList<>();
        for (int r = 0; r < config.rows(); r++) {
            TernaryDotProduct row = instance("row" + r, new TernaryDotProduct(lanes, config.pipelineEvery()));
            row.inValid.set(inValid);
            row.activations.set(activations);
            row.codes.set(codes(config.encoding(), "row" + r, weights.bits(r * rowBits + rowBits - 1, r * rowBits), lanes));
            Reg accumulator = reg("accumulator" + r, sint(32), 0);
            PlusMinusAdder accumulate = instance("accumulate" + r, new PlusMinusAdder(32));
            accumulate.a.set(accumulator);
            accumulate.aPositive.set(lit(1, bool()));
            accumulate.b.set(row.sum.sext(32));
            accumulate.bPositive.set(row.positive);
            // INT32 wraps, as the golden model does.
            Signal total = accumulate.sum.trunc(32);
            // Written as clear-else-load-else-keep, not with a clock enable over the clear: synthesis then maps the
            // clear onto the flip-flops' synchronous reset and the load onto their enable, with no LUT before them.
            accumulator.set(mux(groupEnds, lit(0, sint(32)), mux(row.outValid, total, accumulator)));
            Output result = output("result" + r, sint(32));
            result.set(total);
            outs.add(result);
        }
        results = Collections.unmodifiableList(outs);
        outValid.set(groupEnds);
    }

    /** Cycles from a last tile at the inputs to {@code out_valid}: the lane and tree registers (the accumulator adds without one). */
    public static int latency(AcceleratorConfig config) {
        return TernaryDotProduct.latency(config.lanes(), config.pipelineEvery());
    }

    /** {@code lanes} 2-bit codes, lane 0 in the low bits, from one row's packed weights. */
    private Signal codes(WeightEncoding encoding, String rowName, Signal packed, int lanes) {
        if (encoding == WeightEncoding.TWO_BIT) {
            return packed;
        }
        List<Signal> codes = new ArrayList<>();
        for (int b = 0; b * Base3Codec.TRITS_PER_BYTE < lanes; b++) {
            int count = Math.min(Base3Codec.TRITS_PER_BYTE, lanes - b * Base3Codec.TRITS_PER_BYTE);
            Base3Decoder decoder = instance(rowName + "_byte" + b, new Base3Decoder(count));
            decoder.byteIn.set(packed.bits(8 * b + 7, 8 * b));
            codes.addAll(decoder.codes);
        }
        Collections.reverse(codes);
        Signal all = Signals.cat(codes);
        if (all.width() != TernaryWeightCode.BITS * lanes) {
            throw new IllegalStateException("decoded " + all.width() + " code bits for " + lanes + " lanes");
        }
        return all;
    }

    /** {@code signal} delayed by {@code cycles} registers (none: the signal itself). */
    private Signal delay(String name, Signal signal, int cycles) {
        Signal delayed = signal;
        for (int i = 1; i <= cycles; i++) {
            Reg stage = reg(name + "_d" + i, bool(), 0);
            stage.set(delayed);
            delayed = stage;
        }
        return delayed;
    }
}
