package dev.tern.accel.baseline;

import dev.tern.hdl.Signal;
import dev.tern.hdl.Signals;

/**
 * The parts of a 16-bit half-precision signal as hardware sees them, built in the component that owns
 * the signal: a finite half's value is {@code significand * 2^(exponent - 25)}, with the hidden bit
 * in the significand for normals and the exponent raised from 0 to 1 for subnormals and zeros.
 */
record HalfFields(Signal sign, Signal significand, Signal exponent, Signal isNaN, Signal isInfinite, Signal isZero) {
    static HalfFields of(Signal half) {
        Signal exponentField = half.bits(14, 10);
        Signal fraction = half.bits(9, 0);
        Signal normal = exponentField.orR();
        Signal special = exponentField.andR();
        Signal fractionZero = fraction.eq(0);
        return new HalfFields(half.bit(15),
                Signals.cat(normal, fraction),
                exponentField.or(normal.not().asUInt().zext(5)),
                special.and(fractionZero.not()),
                special.and(fractionZero),
                normal.not().and(fractionZero));
    }
}
