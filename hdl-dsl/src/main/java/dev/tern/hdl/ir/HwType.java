package dev.tern.hdl.ir;

/**
 * The type of a hardware value: its kind and bit width. {@code Bool} is a 1-bit unsigned value that
 * conditions accept; in arithmetic it behaves as {@code UInt(1)}.
 */
public record HwType(Kind kind, int width) {
    public enum Kind { UINT, SINT, BOOL }

    /** Wider than any real design needs; guards against typos such as UInt(1 << 30). */
    public static final int MAX_WIDTH = 1 << 16;

    public HwType {
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width must be 1.." + MAX_WIDTH + ", got " + width);
        }
        if (kind == Kind.BOOL && width != 1) {
            throw new IllegalArgumentException("Bool is 1 bit wide, got " + width);
        }
    }

    public static HwType uint(int width) {
        return new HwType(Kind.UINT, width);
    }

    public static HwType sint(int width) {
        return new HwType(Kind.SINT, width);
    }

    public static HwType bool() {
        return new HwType(Kind.BOOL, 1);
    }

    public boolean signed() {
        return kind == Kind.SINT;
    }

    /** The same signedness at another width; a Bool widened becomes a UInt. */
    public HwType withWidth(int newWidth) {
        return signed() ? sint(newWidth) : (kind == Kind.BOOL && newWidth == 1 ? this : uint(newWidth));
    }

    /** Smallest and largest value this type holds, as BigIntegers. */
    public java.math.BigInteger minValue() {
        return signed() ? java.math.BigInteger.ONE.shiftLeft(width - 1).negate() : java.math.BigInteger.ZERO;
    }

    public java.math.BigInteger maxValue() {
        return signed()
                ? java.math.BigInteger.ONE.shiftLeft(width - 1).subtract(java.math.BigInteger.ONE)
                : java.math.BigInteger.ONE.shiftLeft(width).subtract(java.math.BigInteger.ONE);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case UINT -> "UInt(" + width + ")";
            case SINT -> "SInt(" + width + ")";
            case BOOL -> "Bool";
        };
    }
}
