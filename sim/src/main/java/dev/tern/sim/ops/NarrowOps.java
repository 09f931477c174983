package dev.tern.sim.ops;

/**
 * The IR operators on values of 1 to 64 bits packed in a {@code long}: the one implementation that
 * both simulator engines run (the interpreter calls these methods, the compiled engine's generated code
 * calls them and the JIT inlines them). Each method is checked against the IR's own definition
 * ({@code BinaryOp.apply}, {@code UnaryOp.apply}, {@code ExprEvaluator}) by the tests.
 *
 * <p>A value of width {@code w} is kept canonical: bits {@code w} and above are zero, whatever the
 * value's signedness. Every method takes canonical operands and returns a canonical result.
 * Shift amounts and widths are unsigned; an amount is a full 64-bit unsigned number.
 */
public final class NarrowOps {
    private NarrowOps() {
    }

    /** The low {@code width} bits set. */
    public static long mask(int width) {
        return -1L >>> (64 - width);
    }

    /** The canonical value read as two's complement of {@code width} bits, sign-extended to 64 bits. */
    public static long signExtend(long value, int width) {
        return value << (64 - width) >> (64 - width);
    }

    public static long add(long a, long b, int width) {
        return (a + b) & mask(width);
    }

    public static long sub(long a, long b, int width) {
        return (a - b) & mask(width);
    }

    /** The full product, {@code widthA + widthB <= 64} bits wide. */
    public static long mul(long a, int widthA, long b, int widthB, boolean signed) {
        if (!signed) {
            return a * b;
        }
        return signExtend(a, widthA) * signExtend(b, widthB) & mask(widthA + widthB);
    }

    public static long and(long a, long b) {
        return a & b;
    }

    public static long or(long a, long b) {
        return a | b;
    }

    public static long xor(long a, long b) {
        return a ^ b;
    }

    public static long eq(long a, long b) {
        return a == b ? 1L : 0L;
    }

    public static long ne(long a, long b) {
        return a != b ? 1L : 0L;
    }

    public static long lt(long a, long b, int width, boolean signed) {
        return compare(a, b, width, signed) < 0 ? 1L : 0L;
    }

    public static long le(long a, long b, int width, boolean signed) {
        return compare(a, b, width, signed) <= 0 ? 1L : 0L;
    }

    public static long gt(long a, long b, int width, boolean signed) {
        return compare(a, b, width, signed) > 0 ? 1L : 0L;
    }

    public static long ge(long a, long b, int width, boolean signed) {
        return compare(a, b, width, signed) >= 0 ? 1L : 0L;
    }

    private static int compare(long a, long b, int width, boolean signed) {
        return signed ? Long.compare(signExtend(a, width), signExtend(b, width)) : Long.compareUnsigned(a, b);
    }

    /** Shift left, zeros in; an amount of {@code width} or more leaves zero. */
    public static long shl(long a, long amount, int width) {
        return Long.compareUnsigned(amount, width) >= 0 ? 0L : (a << amount) & mask(width);
    }

    /** Logical shift right; an amount of {@code width} or more leaves zero. */
    public static long shr(long a, long amount, int width) {
        return Long.compareUnsigned(amount, width) >= 0 ? 0L : a >>> amount;
    }

    /** Arithmetic shift right: copies of bit {@code width - 1} come in; a large amount leaves only copies. */
    public static long sra(long a, long amount, int width) {
        long clamped = Long.compareUnsigned(amount, 63) > 0 ? 63 : amount;
        return (signExtend(a, width) >> clamped) & mask(width);
    }

    public static long not(long a, int width) {
        return ~a & mask(width);
    }

    public static long neg(long a, int width) {
        return -a & mask(width);
    }

    public static long andReduce(long a, int width) {
        return a == mask(width) ? 1L : 0L;
    }

    public static long orReduce(long a) {
        return a != 0 ? 1L : 0L;
    }

    public static long xorReduce(long a) {
        return Long.bitCount(a) & 1;
    }

    public static long mux(long select, long whenTrue, long whenFalse) {
        return select != 0 ? whenTrue : whenFalse;
    }

    /** {@code high} followed by the {@code lowWidth} bits of {@code low}: one step of a concatenation. */
    public static long concat(long high, long low, int lowWidth) {
        return high << lowWidth | low;
    }

    /** Bits {@code low + width - 1} down to {@code low}. */
    public static long slice(long a, int low, int width) {
        return (a >>> low) & mask(width);
    }

    /** Widens a value of {@code fromWidth} bits to {@code width} bits, copying its sign bit or adding zeros. */
    public static long extend(long a, int fromWidth, int width, boolean signed) {
        return signed ? signExtend(a, fromWidth) & mask(width) : a;
    }
}
