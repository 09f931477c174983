package dev.tern.accel.baseline;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Signal;

/**
 * A combinational IEEE half-precision multiplier, round to nearest even, with subnormals, signed zeros,
 * infinities and the canonical NaN {@code 0x7e00} for a NaN operand or infinity times zero; bit for bit
 * {@link HalfFloat#multiply}. The two 11-bit significands multiply exactly into 22 bits, which one
 * {@link HalfRounder} rounds.
 */
final class HalfMultiplier extends Component {
    final Input a = input("a", uint(16));
    final Input b = input("b", uint(16));
    final Output product = output("product", uint(16));

    HalfMultiplier() {
        HalfFields x = HalfFields.of(a);
        HalfFields y = HalfFields.of(b);
        Signal exact = x.significand().mul(y.significand());
        HalfRounder rounder = instance("rounder", new HalfRounder(exact.width()));
        rounder.magnitude.set(exact);
        // value = exact * 2^(ex - 25 + ey - 25); its bit 21 weighs 2^(ex + ey - 29), biased ex + ey - 14.
        int bits = HalfRounder.EXPONENT_BITS;
        rounder.topExponent.set(x.exponent().zext(bits).asSInt().add(y.exponent().zext(bits).asSInt())
                .sub(lit(14, sint(bits))));
        Signal invalid = x.isNaN().or(y.isNaN()).or(x.isInfinite().and(y.isZero())).or(y.isInfinite().and(x.isZero()));
        Signal infinite = x.isInfinite().or(y.isInfinite());
        Signal magnitude = mux(infinite, lit(HalfFloat.POSITIVE_INFINITY, uint(15)), rounder.result);
        product.set(mux(invalid, lit(HalfFloat.CANONICAL_NAN, uint(16)), cat(x.sign().xor(y.sign()), magnitude)));
    }
}
