package dev.tern.accel.baseline;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Signal;

/**
 * A combinational IEEE half-precision adder, round to nearest even, bit for bit {@link HalfFloat#add}:
 * subnormals, {@code x + (-x) = +0}, {@code -0 + -0 = -0}, infinities, and the canonical NaN
 * {@code 0x7e00} for a NaN operand or infinities of opposite signs.
 *
 * <p>The operand of larger magnitude keeps its significand with three zero bits appended; the other is
 * shifted right by the exponent difference, the bits that fall off ORed into its last bit. That makes
 * the sum or difference the exact one rounded to odd in its last bit, and since bits fall off only when
 * the exponents differ by four or more, when the result still has at least 13 significant bits, rounding
 * it to 11 bits to nearest even gives the same half as rounding the exact value.
 */
final class HalfAdder extends Component {
    private static final int EXTRA_BITS = 3;
    private static final int WIDTH = 11 + EXTRA_BITS + 1;

    final Input a = input("a", uint(16));
    final Input b = input("b", uint(16));
    final Output sum = output("sum", uint(16));

    HalfAdder() {
        HalfFields x = HalfFields.of(a);
        HalfFields y = HalfFields.of(b);
        Signal aLarger = a.bits(14, 0).ge(b.bits(14, 0));
        HalfFields larger = HalfFields.of(mux(aLarger, a, b));
        HalfFields smaller = HalfFields.of(mux(aLarger, b, a));

        Signal difference = larger.exponent().sub(smaller.exponent());
        Signal largerBits = larger.significand().zext(WIDTH).shl(EXTRA_BITS);
        Signal smallerBits = smaller.significand().zext(WIDTH).shl(EXTRA_BITS);
        Signal allOnes = lit(0, uint(WIDTH)).not();
        Signal lost = smallerBits.and(allOnes.shl(difference).not()).orR();
        Signal aligned = smallerBits.shr(difference).or(lost.asUInt().zext(WIDTH));
        Signal subtract = x.sign().xor(y.sign());
        Signal exact = mux(subtract, largerBits.sub(aligned), largerBits.add(aligned));

        HalfRounder rounder = instance("rounder", new HalfRounder(WIDTH));
        rounder.magnitude.set(exact);
        // The larger significand's bit 10 weighs 2^(exponent - 15) and sits at bit 13 of exact: bit 14 is one above.
        int bits = HalfRounder.EXPONENT_BITS;
        rounder.topExponent.set(larger.exponent().zext(bits).asSInt().add(lit(1, sint(bits))));

        Signal invalid = x.isNaN().or(y.isNaN()).or(x.isInfinite().and(y.isInfinite()).and(subtract));
        Signal infinite = x.isInfinite().or(y.isInfinite());
        // An exact zero is -0 only when both operands are -0; otherwise the larger operand's sign.
        Signal sign = mux(exact.eq(0), x.sign().and(y.sign()), larger.sign());
        Signal magnitude = mux(infinite, lit(HalfFloat.POSITIVE_INFINITY, uint(15)), rounder.result);
        sum.set(mux(invalid, lit(HalfFloat.CANONICAL_NAN, uint(16)), cat(sign, magnitude)));
    }
}
