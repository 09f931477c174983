package dev.tern.accel.baseline;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Signal;

/**
 * Rounds a non-negative value {@code magnitude * 2^(top_exponent - 15 - (width - 1))} to the 15-bit
 * magnitude of a half (exponent and fraction fields), to nearest, ties to even: the one rounding step
 * shared by {@link HalfMultiplier} and {@link HalfAdder}. {@code top_exponent} is the biased exponent the
 * value would have if bit {@code width - 1} of {@code magnitude} were its leading one.
 *
 * <p>Combinational: count the leading zeros and shift them out; below the normal range shift right
 * again, keeping the bits that fall off as a sticky bit; keep 11 bits, round up when the guard bit is set
 * and the sticky bit or the last kept bit is, and add the kept bits to {@code (exponent - 1) << 10}, so
 * that the hidden bit and a rounding carry raise the exponent field. Results from
 * {@code 0x7c00} up are infinity; a zero magnitude gives 0.
 */
final class HalfRounder extends Component {
    /** Bits of {@code top_exponent}, signed: enough for the products and sums of halves. */
    static final int EXPONENT_BITS = 8;
    private static final int KEPT_BITS = 11;

    final Input magnitude;
    final Input topExponent;
    final Output result = output("result", uint(15));

    HalfRounder(int width) {
        if (width < KEPT_BITS + 2 || width > 40) {
            throw new IllegalArgumentException("a half rounder needs 13 to 40 bits of magnitude, got " + width);
        }
        parameter("width", width);
        magnitude = input("magnitude", uint(width));
        topExponent = input("top_exponent", sint(EXPONENT_BITS));

        int countBits = 32 - Integer.numberOfLeadingZeros(width);
        Signal leadingZeros = lit(width, uint(countBits));
        for (int i = 0; i < width; i++) {
            leadingZeros = mux(magnitude.bit(i), lit(width - 1 - i, uint(countBits)), leadingZeros);
        }
        Signal normalized = magnitude.shl(leadingZeros);
        Signal exponent = topExponent.sub(leadingZeros.zext(EXPONENT_BITS).asSInt());
        Signal subnormal = exponent.lt(lit(1, sint(EXPONENT_BITS)));
        Signal belowNormal = lit(1, sint(EXPONENT_BITS)).sub(exponent).asUInt();
        Signal shift = mux(subnormal, mux(belowNormal.gt(width), lit(width, uint(EXPONENT_BITS)), belowNormal),
                lit(0, uint(EXPONENT_BITS)));
        Signal shifted = normalized.shr(shift);
        Signal allOnes = lit(0, uint(width)).not();
        Signal lost = normalized.and(allOnes.shl(shift).not()).orR();

        Signal kept = shifted.bits(width - 1, width - KEPT_BITS);
        Signal guard = shifted.bit(width - KEPT_BITS - 1);
        Signal sticky = lost;
        if (width > KEPT_BITS + 1) {
            sticky = sticky.or(shifted.bits(width - KEPT_BITS - 2, 0).orR());
        }
        Signal roundUp = guard.and(sticky.or(kept.bit(0)));
        int sumBits = EXPONENT_BITS + 11;
        Signal exponentMinusOne = mux(subnormal, lit(0, uint(EXPONENT_BITS)), exponent.sub(lit(1, sint(EXPONENT_BITS))).asUInt());
        Signal rounded = exponentMinusOne.zext(sumBits).shl(10)
                .add(kept.zext(sumBits))
                .add(roundUp.asUInt().zext(sumBits));
        Signal overflow = rounded.ge(HalfFloat.POSITIVE_INFINITY);
        result.set(mux(magnitude.eq(0), lit(0, uint(15)),
                mux(overflow, lit(HalfFloat.POSITIVE_INFINITY, uint(15)), rounded.trunc(15))));
    }
}
