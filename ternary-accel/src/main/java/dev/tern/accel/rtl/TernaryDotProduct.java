package dev.tern.accel.rtl;

import dev.tern.accel.TernaryWeightCode;
import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Signal;

/**
 * The exact dot product of {@code lanes} INT8 activations with {@code lanes} ternary weights, without
 * a multiplier: {@link TernaryLane}s select +x, 0 or ~x, and a {@link MinimalWidthAdderTree} adds the
 * selected terms with each negative lane's flag as a carry, the +1 that turns its ~x into -x. The tree's
 * adders absorb all those corrections on their free carry inputs but lane 0's, which the root adds.
 *
 * <p>Lane {@code i} reads activation bits {@code 8i+7..8i} and code bits {@code 2i+1..2i}. The result
 * is {@code 9 + log2(lanes)} bits, signed: exactly the range of {@code -128 * lanes .. 128 * lanes}.
 * It appears {@link #latency(int, int)} cycles after the operands, marked by {@code out_valid}.
 */
public final class TernaryDotProduct extends Component {
    public final Input inValid = input("in_valid", bool());
    public final Input activations;
    public final Input codes;
    public final Output outValid = output("out_valid", bool());
    public final Output dot;

    public TernaryDotProduct(int lanes, int levelsPerRegister) {
        parameter("lanes", lanes);
        parameter("every", levelsPerRegister);
        activations = input("activations", uint(8 * lanes));
        codes = input("codes", uint(TernaryWeightCode.BITS * lanes));
        dot = output("dot", sint(resultWidth(lanes)));

        MinimalWidthAdderTree terms = instance("terms", new MinimalWidthAdderTree(lanes, sint(8), levelsPerRegister));
        terms.inValid.set(inValid);
        for (int i = 0; i < lanes; i++) {
            TernaryLane lane = instance("lane" + i, new TernaryLane());
            lane.activation.set(activations.bits(8 * i + 7, 8 * i).asSInt());
            lane.code.set(codes.bits(TernaryWeightCode.BITS * i + 1, TernaryWeightCode.BITS * i));
            terms.operands.get(i).set(lane.term);
            terms.carries.get(i).set(lane.negative);
        }
        Signal lastCorrection = terms.carryOut.asUInt().zext(resultWidth(lanes)).asSInt();
        dot.set(terms.sum.sext(resultWidth(lanes)).add(lastCorrection));
        outValid.set(terms.outValid);
    }

    /** Bits of the dot product: {@code 128 * lanes} (every lane -1 times -128) needs one more than the tree's {@code 8 + log2(lanes)}. */
    public static int resultWidth(int lanes) {
        return 9 + Integer.numberOfTrailingZeros(lanes);
    }

    public static int latency(int lanes, int levelsPerRegister) {
        return MinimalWidthAdderTree.latency(lanes, levelsPerRegister);
    }
}
