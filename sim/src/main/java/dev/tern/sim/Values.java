package dev.tern.sim;

import dev.tern.hdl.ir.HwType;
import dev.tern.sim.ops.NarrowOps;

import java.math.BigInteger;

/** The one rule for which numbers a port or memory word of a type accepts, for pokes, loads and stimulus files. */
public final class Values {
    private Values() {
    }

    /**
     * The bits of {@code value} as an unsigned number, when it fits {@code type}: as a number of the type
     * (negative ones only for SInt) or as its raw bits ({@code 0 .. 2^width - 1}, so {@code 0xFF} for an
     * SInt(8) -1 is accepted too).
     *
     * @param what names the port or memory for the error message
     */
    public static BigInteger checkFits(BigInteger value, HwType type, String what) {
        BigInteger max = BigInteger.ONE.shiftLeft(type.width()).subtract(BigInteger.ONE);
        BigInteger min = type.signed() ? type.minValue() : BigInteger.ZERO;
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new SimulationException("value " + value + " does not fit " + what + " (" + type + ", " + min + ".." + max + ")");
        }
        return value.signum() < 0 ? value.add(BigInteger.ONE.shiftLeft(type.width())) : value;
    }

    /**
     * The bits of a value of at most 64 bits when it fits {@code type}, by the rule of {@link #checkFits}: a
     * number of the type or its raw bits ({@code -1} and {@code 0xFF} both give an SInt(8) all ones).
     */
    public static long checkFits(long value, HwType type, String what) {
        long mask = NarrowOps.mask(type.width());
        if ((value & ~mask) != 0) {
            boolean signedFit = type.signed() && value < 0 && NarrowOps.signExtend(value & mask, type.width()) == value;
            if (!signedFit) {
                checkFits(BigInteger.valueOf(value), type, what);
            }
        }
        return value & mask;
    }
}
