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
 *
 * <p>Selections and comparisons are written without branches: the JIT does not turn data-dependent
 * branches in straight-line code into conditional moves, and random data mispredicts them half the time.
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

    public static long eq(long a, long b, int width) {
        return width < 64 ? ((a ^ b) - 1) >>> 63 : nonZero(a ^ b) ^ 1L;
    }

    public static long ne(long a, long b, int width) {
        return width < 64 ? -(a ^ b) >>> 63 : nonZero(a ^ b);
    }

    /** 1 when {@code x} is not zero, else 0. */
    private static long nonZero(long x) {
        return (x | -x) >>> 63;
    }

    /** 1 when {@code a < b} read as unsigned 64-bit numbers: the borrow out of {@code a - b}. */
    private static long belowUnsigned(long a, long b) {
        return ((~a & b) | ((~a | b) & (a - b))) >>> 63;
    }

    /** 1 when {@code a < b} read as signed 64-bit numbers: the sign of {@code a - b}, corrected for overflow. */
    private static long belowSigned(long a, long b) {
        long d = a - b;
        return (d ^ ((a ^ b) & (d ^ a))) >>> 63;
    }

    public static long lt(long a, long b, int width, boolean signed) {
        return below(a, b, width, signed);
    }

    public static long le(long a, long b, int width, boolean signed) {
        return below(b, a, width, signed) ^ 1L;
    }

    public static long gt(long a, long b, int width, boolean signed) {
        return below(b, a, width, signed);
    }

    public static long ge(long a, long b, int width, boolean signed) {
        return below(a, b, width, signed) ^ 1L;
    }

    private static long below(long a, long b, int width, boolean signed) {
        if (width < 64) {
            // Below 64 bits the difference of the two values (sign-extended when signed) cannot overflow.
            return signed ? (signExtend(a, width) - signExtend(b, width)) >>> 63 : (a - b) >>> 63;
        }
        return signed ? belowSigned(a, b) : belowUnsigned(a, b);
    }

    /** Shift left, zeros in; an amount of {@code width} or more leaves zero. */
    public static long shl(long a, long amount, int width) {
        return (a << amount) & mask(width) & -belowUnsigned(amount, width);
    }

    /** Logical shift right; an amount of {@code width} or more leaves zero. */
    public static long shr(long a, long amount, int width) {
        return (a >>> amount) & -belowUnsigned(amount, width);
    }

    /** Arithmetic shift right: copies of bit {@code width - 1} come in; a large amount leaves only copies. */
    public static long sra(long a, long amount, int width) {
        long clamped = amount ^ ((amount ^ 63) & -belowUnsigned(63, amount));
        return (signExtend(a, width) >> clamped) & mask(width);
    }

    public static long not(long a, int width) {
        return ~a & mask(width);
    }

    public static long neg(long a, int width) {
        return -a & mask(width);
    }

    public static long andReduce(long a, int width) {
        return eq(a, mask(width), width);
    }

    public static long orReduce(long a) {
        return nonZero(a);
    }

    public static long xorReduce(long a) {
        return Long.bitCount(a) & 1;
    }

    /** {@code select ? whenTrue : whenFalse} for a canonical one-bit {@code select}. */
    public static long mux(long select, long whenTrue, long whenFalse) {
        return whenFalse ^ ((whenTrue ^ whenFalse) & -select);
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
