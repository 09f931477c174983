package dev.tern.accel.rtl;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Signal;

/**
 * The exact sum of two signed terms, each a {@code width}-bit word with a sign flag ({@code +word} when
 * its {@code positive} is high, {@code -word} when low), as one {@code width + 1}-bit word that counts
 * with {@code a}'s sign: {@code sum = a + b} when the flags agree, {@code a - b} when they differ. Both
 * lie in {@code -2^width .. 2^width - 1}, so one bit more than the words always suffices: the negation
 * that would need a second one stays in the flag.
 *
 * <h2>Why it is written as a subtraction with a guard bit</h2>
 * On a Xilinx carry chain each sum bit costs one LUT, the propagate {@code a_i ^ b'_i}, provided the
 * chain's other input per bit ({@code DI}, taken when the propagate is 0) is a signal that already
 * exists: Yosys feeds it the {@code A} operand of the adder. So {@code a} must be that operand, unchanged:
 * then the sign select ({@code b ^ same-sign mask}) folds into the propagate LUT of each bit, and the words
 * need no LUT of their own. Yosys orders the operands of an addition by its own sorting but keeps a
 * subtraction's minuend as {@code A}, hence the subtraction {@code a - (b ^ ~mask)}, which is
 * {@code a + (b ^ mask) + 1}. That +1 is right only when the signs differ ({@code -b = ~b + 1}); a guard bit
 * below the words steers it: minuend bit 0, subtrahend bit {@code same}, so the guard's propagate is
 * {@code a_positive ^ b_positive} and the subtraction's carry-in passes into the words exactly then. That
 * propagate is the one LUT an adder spends beyond one per bit, and the bits' LUTs may share it.
 */
public final class PlusMinusAdder extends Component {
    public final Input a;
    public final Input aPositive;
    public final Input b;
    public final Input bPositive;
    /** {@code a ± b}: the signed sum of both terms when read with {@code a_positive} as its sign. */
    public final Output sum;

    public PlusMinusAdder(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a plus-minus adder adds words of at least 1 bit, got " + width);
        }
        parameter("width", width);
        a = input("a", sint(width));
        aPositive = input("a_positive", bool());
        b = input("b", sint(width));
        bPositive = input("b_positive", bool());
        sum = output("sum", sint(width + 1));

        Signal sameSign = aPositive.xor(bPositive).not();
        // b itself when the signs differ, ~b when they agree: with the guard bit the difference is a - b, resp. a + b.
        Signal subtrahend = b.sext(width + 1).xor(sameSign.asSInt().sext(width + 1));
        Signal difference = cat(a.sext(width + 1), lit(0, bool())).sub(cat(subtrahend, sameSign));
        sum.set(difference.bits(width + 1, 1).asSInt());
    }
}
