package dev.tern.accel.rtl;

import dev.tern.accel.TernaryWeightCode;
import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;

/**
 * The exact dot product of {@code lanes} INT8 activations with {@code lanes} ternary weights, without
 * a multiplier: {@link TernaryLane} registers turn each activation and code into a signed word and a
 * sign flag, and a {@link PlusMinusAdderTree} adds those terms. The dot product is {@code sum} read with
 * the sign {@code positive}: {@code positive ? sum : -sum}; the accumulator that takes it applies the
 * sign in its own adder, so no separate negation is built.
 *
 * <p>Lane {@code i} reads activation bits {@code 8i+7..8i} and code bits {@code 2i+1..2i}. {@code sum} is
 * {@code 8 + log2(lanes)} bits, signed; the dot product itself needs {@link #resultWidth} bits, one more,
 * for {@code 128 * lanes}. It appears {@link #latency(int, int)} cycles after the operands, marked by
 * {@code out_valid}.
 *
 * <p>Why this maps well on an FPGA: the lane selection costs no LUT (it is the lane register's
 * synchronous reset), and each adder of the tree costs one LUT per sum bit with the sign handling folded
 * into it (the sign-extension bit shares its LUT with the bit below), so Yosys {@code synth_xilinx} spends
 * {@code 7 + k} LUTs on an adder of level {@code k}: {@code 9 - (log2(lanes) + 9) / lanes} per lane for lanes
 * and tree together, 8.77 at 64 lanes.
 */
public final class TernaryDotProduct extends Component {
    public final Input inValid = input("in_valid", bool());
    public final Input activations;
    public final Input codes;
    public final Output outValid = output("out_valid", bool());
    public final Output sum;
    public final Output positive = output("positive", bool());

    public TernaryDotProduct(int lanes, int levelsPerRegister) {
        parameter("lanes", lanes);
        parameter("every", levelsPerRegister);
        activations = input("activations", uint(8 * lanes));
        codes = input("codes", uint(TernaryWeightCode.BITS * lanes));
        sum = output("sum", sint(resultWidth(lanes) - 1));

        PlusMinusAdderTree terms = instance("terms", new PlusMinusAdderTree(lanes, sint(8), levelsPerRegister));
        Reg laneValid = reg("lane_valid", bool(), 0);
        laneValid.set(inValid);
        terms.inValid.set(laneValid);
        for (int i = 0; i < lanes; i++) {
            TernaryLane lane = instance("lane" + i, new TernaryLane());
            lane.activation.set(activations.bits(8 * i + 7, 8 * i).asSInt());
            lane.code.set(codes.bits(TernaryWeightCode.BITS * i + 1, TernaryWeightCode.BITS * i));
            terms.operands.get(i).set(lane.operand);
            terms.positives.get(i).set(lane.positive);
        }
        sum.set(terms.sum);
        positive.set(terms.positive);
        outValid.set(terms.outValid);
    }

    /** Bits of the dot product: {@code 128 * lanes} (every lane -1 times -128) needs one more than the tree's {@code 8 + log2(lanes)}. */
    public static int resultWidth(int lanes) {
        return 9 + Integer.numberOfTrailingZeros(lanes);
    }

    /** Cycles from operands to the dot product: the lane registers, then the tree's. */
    public static int latency(int lanes, int levelsPerRegister) {
        return TernaryLane.latency() + PlusMinusAdderTree.latency(lanes, levelsPerRegister);
    }
}
