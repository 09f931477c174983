package dev.tern.hdl.ir;

import java.math.BigInteger;

/**
 * An immutable two-state bit vector of a fixed width: the value of a signal in one cycle.
 * The bits are kept as a non-negative BigInteger below {@code 2^width}; {@link #toSigned()}
 * reads them as two's complement.
 */
public final class Bits {
    private final int width;
    private final BigInteger value;

    private Bits(int width, BigInteger value) {
        this.width = width;
        this.value = value;
    }

    /** The low {@code width} bits of {@code value} (any sign; negative values wrap as two's complement). */
    public static Bits of(int width, BigInteger value) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be positive, got " + width);
        }
        return new Bits(width, value.and(mask(width)));
    }

    public static Bits of(int width, long value) {
        return of(width, BigInteger.valueOf(value));
    }

    public static Bits zero(int width) {
        return new Bits(width, BigInteger.ZERO);
    }

    public static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    public int width() {
        return width;
    }

    /** The bits read as an unsigned number. */
    public BigInteger toUnsigned() {
        return value;
    }

    /** The bits read as a two's complement number. */
    public BigInteger toSigned() {
        return value.testBit(width - 1) ? value.subtract(BigInteger.ONE.shiftLeft(width)) : value;
    }

    public BigInteger as(HwType type) {
        return type.signed() ? toSigned() : toUnsigned();
    }

    /** The low 64 bits, for values known to fit. */
    public long toLong() {
        return value.longValue();
    }

    public boolean isTrue() {
        return value.signum() != 0;
    }

    public boolean bit(int index) {
        return value.testBit(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bits b && b.width == width && b.value.equals(value);
    }

    @Override
    public int hashCode() {
        return 31 * width + value.hashCode();
    }

    /** Verilog-style literal, e.g. {@code 8'h2a}. */
    @Override
    public String toString() {
        return width + "'h" + value.toString(16);
    }
}
