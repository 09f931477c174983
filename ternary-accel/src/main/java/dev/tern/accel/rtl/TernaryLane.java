package dev.tern.accel.rtl;

import dev.tern.accel.TernaryWeightCode;
import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;

/**
 * One lane of a ternary dot product, with no multiplier and no logic: a register that holds the lane's
 * term as a signed word and a sign flag, the form a {@link PlusMinusAdderTree} adds. Weight +1 gives
 * {@code (x, positive)}, weight -1 {@code (x, negative)}, weight 0 and the unused code a zero word.
 *
 * <p>The codes make this free: bit 0 is set exactly in the codes that read as 0 ({@link TernaryWeightCode#ZERO}
 * and {@link TernaryWeightCode#UNUSED}), and bit 1 tells +1 from -1. So the word register loads the activation
 * and is cleared by code bit 0, a flip-flop's synchronous reset on an FPGA (the lane's eight flip-flops share it,
 * as the flip-flops of one slice must), and the flag register loads code bit 1. The register costs a cycle
 * of latency and no LUT; selecting {@code +x}, {@code ~x} or 0 in logic instead costs a LUT per bit that the
 * first adder level cannot absorb (its carry chain needs one of its operands as a plain signal).
 *
 * <p>The register has no enable: it reads the SRAMs' outputs, which change only when a tile is read.
 */
public final class TernaryLane extends Component {
    /** Bit of a code that is set exactly when the code reads as weight 0. */
    static final int ZERO_BIT = 0;
    /** Bit of a non-zero code that is set for +1 and clear for -1. */
    static final int PLUS_BIT = 1;

    public final Input activation = input("activation", sint(8));
    public final Input code = input("code", uint(TernaryWeightCode.BITS));
    public final Output operand = output("operand", sint(8));
    public final Output positive = output("positive", bool());

    public TernaryLane() {
        Reg word = reg("word", sint(8));
        word.set(mux(code.bit(ZERO_BIT), lit(0, sint(8)), activation));
        Reg plus = reg("plus", bool());
        plus.set(code.bit(PLUS_BIT));
        operand.set(word);
        positive.set(plus);
    }

    /** Cycles from activation and code to the lane's term: the lane register. */
    public static int latency() {
        return 1;
    }
}
