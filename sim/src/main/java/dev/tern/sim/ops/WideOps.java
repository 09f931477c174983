package dev.tern.sim.ops;

/**
 * The IR operators on values wider than 64 bits, for both simulator engines. A wide value of width
 * {@code w} occupies {@code words(w)} consecutive {@code long}s of the simulator's value array,
 * least significant word first; like a narrow value it is canonical (bits at {@code w} and above are
 * zero). Operands and results are given by their word offset in that one array; a result never
 * overlaps an operand. Operators with a narrow result return it as a canonical {@code long}.
 *
 * <p>Checked against the IR's definitions ({@code BinaryOp.apply}, {@code UnaryOp.apply},
 * {@code ExprEvaluator}) by the tests, like {@link NarrowOps}.
 */
public final class WideOps {
    private WideOps() {
    }

    /** Words needed for {@code width} bits. */
    public static int words(int width) {
        return (width + 63) >>> 6;
    }

    /** The bits of the most significant word that belong to a value of {@code width} bits. */
    public static long topMask(int width) {
        int used = width & 63;
        return used == 0 ? -1L : (1L << used) - 1;
    }

    private static void clipTop(long[] v, int dst, int width) {
        v[dst + words(width) - 1] &= topMask(width);
    }

    private static boolean negative(long[] v, int off, int width) {
        return (v[off + ((width - 1) >>> 6)] >>> ((width - 1) & 63) & 1) != 0;
    }

    /**
     * Word {@code index} of the value at {@code off}, extended without bound as its type reads it: a signed
     * value by copies of its top bit, an unsigned one by zeros.
     */
    private static long extendedWord(long[] v, int off, int width, boolean signed, int index) {
        int n = words(width);
        if (index < n - 1) {
            return v[off + index];
        }
        boolean fill = signed && negative(v, off, width);
        if (index == n - 1) {
            return fill ? v[off + index] | ~topMask(width) : v[off + index];
        }
        return fill ? -1L : 0L;
    }

    public static void zero(long[] v, int dst, int width) {
        java.util.Arrays.fill(v, dst, dst + words(width), 0L);
    }

    public static void copy(long[] v, int dst, int src, int width) {
        System.arraycopy(v, src, v, dst, words(width));
    }

    public static void add(long[] v, int dst, int a, int b, int width) {
        long carry = 0;
        for (int i = 0, n = words(width); i < n; i++) {
            long x = v[a + i];
            long sum = x + v[b + i];
            long carryOut = Long.compareUnsigned(sum, x) < 0 ? 1 : 0;
            long withCarry = sum + carry;
            carryOut |= Long.compareUnsigned(withCarry, sum) < 0 ? 1 : 0;
            v[dst + i] = withCarry;
            carry = carryOut;
        }
        clipTop(v, dst, width);
    }

    public static void sub(long[] v, int dst, int a, int b, int width) {
        long borrow = 0;
        for (int i = 0, n = words(width); i < n; i++) {
            long x = v[a + i];
            long y = v[b + i];
            long diff = x - y;
            long borrowOut = Long.compareUnsigned(x, y) < 0 ? 1 : 0;
            borrowOut |= Long.compareUnsigned(diff, borrow) < 0 ? 1 : 0;
            v[dst + i] = diff - borrow;
            borrow = borrowOut;
        }
        clipTop(v, dst, width);
    }

    public static void neg(long[] v, int dst, int a, int width) {
        long borrow = 0;
        for (int i = 0, n = words(width); i < n; i++) {
            long y = v[a + i];
            long diff = -y;
            long borrowOut = y != 0 ? 1 : 0;
            borrowOut |= Long.compareUnsigned(diff, borrow) < 0 ? 1 : 0;
            v[dst + i] = diff - borrow;
            borrow = borrowOut;
        }
        clipTop(v, dst, width);
    }

    public static void not(long[] v, int dst, int a, int width) {
        for (int i = 0, n = words(width); i < n; i++) {
            v[dst + i] = ~v[a + i];
        }
        clipTop(v, dst, width);
    }

    public static void and(long[] v, int dst, int a, int b, int width) {
        for (int i = 0, n = words(width); i < n; i++) {
            v[dst + i] = v[a + i] & v[b + i];
        }
    }

    public static void or(long[] v, int dst, int a, int b, int width) {
        for (int i = 0, n = words(width); i < n; i++) {
            v[dst + i] = v[a + i] | v[b + i];
        }
    }

    public static void xor(long[] v, int dst, int a, int b, int width) {
        for (int i = 0, n = words(width); i < n; i++) {
            v[dst + i] = v[a + i] ^ v[b + i];
        }
    }

    /**
     * The full product of {@code a} ({@code widthA} bits) and {@code b} ({@code widthB} bits), which is
     * {@code widthA + widthB} bits wide. Either operand may be narrow (one word).
     */
    public static void mul(long[] v, int dst, int a, int widthA, int b, int widthB, boolean signed) {
        int width = widthA + widthB;
        int n = words(width);
        java.util.Arrays.fill(v, dst, dst + n, 0L);
        // Schoolbook multiplication of the operands extended to the result width, modulo 2^width.
        for (int i = 0; i < n; i++) {
            long x = extendedWord(v, a, widthA, signed, i);
            if (x == 0) {
                continue;
            }
            long carry = 0;
            for (int j = 0; i + j < n; j++) {
                long y = extendedWord(v, b, widthB, signed, j);
                long low = x * y;
                long high = unsignedMultiplyHigh(x, y);
                long acc = v[dst + i + j];
                long sum = acc + low;
                long carryOut = Long.compareUnsigned(sum, acc) < 0 ? 1 : 0;
                long withCarry = sum + carry;
                carryOut += Long.compareUnsigned(withCarry, sum) < 0 ? 1 : 0;
                v[dst + i + j] = withCarry;
                carry = high + carryOut;
            }
        }
        clipTop(v, dst, width);
    }

    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    public static long eq(long[] v, int a, int b, int width) {
        return java.util.Arrays.equals(v, a, a + words(width), v, b, b + words(width)) ? 1L : 0L;
    }

    public static long ne(long[] v, int a, int b, int width) {
        return eq(v, a, b, width) ^ 1L;
    }

    public static long lt(long[] v, int a, int b, int width, boolean signed) {
        return compare(v, a, b, width, signed) < 0 ? 1L : 0L;
    }

    public static long le(long[] v, int a, int b, int width, boolean signed) {
        return compare(v, a, b, width, signed) <= 0 ? 1L : 0L;
    }

    public static long gt(long[] v, int a, int b, int width, boolean signed) {
        return compare(v, a, b, width, signed) > 0 ? 1L : 0L;
    }

    public static long ge(long[] v, int a, int b, int width, boolean signed) {
        return compare(v, a, b, width, signed) >= 0 ? 1L : 0L;
    }

    private static int compare(long[] v, int a, int b, int width, boolean signed) {
        int top = words(width) - 1;
        long x = extendedWord(v, a, width, signed, top);
        long y = extendedWord(v, b, width, signed, top);
        if (x != y) {
            return signed ? Long.compare(x, y) : Long.compareUnsigned(x, y);
        }
        for (int i = top - 1; i >= 0; i--) {
            if (v[a + i] != v[b + i]) {
                return Long.compareUnsigned(v[a + i], v[b + i]);
            }
        }
        return 0;
    }

    /**
     * A wide shift amount as an unsigned {@code long} for the shift operators: its value when it fits in
     * 64 bits, otherwise the largest unsigned value (every operand is narrower than that).
     */
    public static long shiftAmount(long[] v, int off, int width) {
        for (int i = 1, n = words(width); i < n; i++) {
            if (v[off + i] != 0) {
                return -1L;
            }
        }
        return v[off];
    }

    public static void shl(long[] v, int dst, int a, int width, long amount) {
        int n = words(width);
        if (Long.compareUnsigned(amount, width) >= 0) {
            java.util.Arrays.fill(v, dst, dst + n, 0L);
            return;
        }
        int wordShift = (int) (amount >>> 6);
        int bitShift = (int) (amount & 63);
        for (int i = 0; i < n; i++) {
            int from = i - wordShift;
            long low = from >= 0 ? v[a + from] : 0L;
            long below = from >= 1 ? v[a + from - 1] : 0L;
            v[dst + i] = bitShift == 0 ? low : low << bitShift | below >>> (64 - bitShift);
        }
        clipTop(v, dst, width);
    }

    public static void shr(long[] v, int dst, int a, int width, long amount) {
        shiftRight(v, dst, a, width, amount, false);
    }

    public static void sra(long[] v, int dst, int a, int width, long amount) {
        shiftRight(v, dst, a, width, amount, true);
    }

    private static void shiftRight(long[] v, int dst, int a, int width, long amount, boolean arithmetic) {
        int n = words(width);
        long clamped = Long.compareUnsigned(amount, width) >= 0 ? width : amount;
        int wordShift = (int) (clamped >>> 6);
        int bitShift = (int) (clamped & 63);
        for (int i = 0; i < n; i++) {
            long low = extendedWord(v, a, width, arithmetic, i + wordShift);
            long above = extendedWord(v, a, width, arithmetic, i + wordShift + 1);
            v[dst + i] = bitShift == 0 ? low : low >>> bitShift | above << (64 - bitShift);
        }
        clipTop(v, dst, width);
    }

    public static long andReduce(long[] v, int a, int width) {
        int top = words(width) - 1;
        for (int i = 0; i < top; i++) {
            if (v[a + i] != -1L) {
                return 0L;
            }
        }
        return v[a + top] == topMask(width) ? 1L : 0L;
    }

    public static long orReduce(long[] v, int a, int width) {
        for (int i = 0, n = words(width); i < n; i++) {
            if (v[a + i] != 0) {
                return 1L;
            }
        }
        return 0L;
    }

    public static long xorReduce(long[] v, int a, int width) {
        int ones = 0;
        for (int i = 0, n = words(width); i < n; i++) {
            ones += Long.bitCount(v[a + i]);
        }
        return ones & 1;
    }

    /** Bits {@code low + width - 1} down to {@code low} of the value at {@code off}, {@code width <= 64}. */
    public static long extract(long[] v, int off, int low, int width) {
        int word = low >>> 6;
        int bit = low & 63;
        long bits = v[off + word] >>> bit;
        if (bit != 0 && bit + width > 64) {
            bits |= v[off + word + 1] << (64 - bit);
        }
        return bits & NarrowOps.mask(width);
    }

    /** ORs the {@code width <= 64} bits of {@code value} into bits {@code low} upward of the value at {@code dst}. */
    public static void deposit(long[] v, int dst, int low, long value, int width) {
        int word = low >>> 6;
        int bit = low & 63;
        v[dst + word] |= value << bit;
        if (bit != 0 && bit + width > 64) {
            v[dst + word + 1] |= value >>> (64 - bit);
        }
    }

    /** ORs {@code count} bits of the value at {@code src}, from bit {@code srcLow}, into the value at {@code dst} from bit {@code dstLow}. */
    public static void depositBits(long[] v, int src, int srcLow, int dst, int dstLow, int count) {
        for (int done = 0; done < count; done += 64) {
            int chunk = Math.min(64, count - done);
            deposit(v, dst, dstLow + done, extract(v, src, srcLow + done, chunk), chunk);
        }
    }

    /** Bits {@code low + width - 1} down to {@code low} of the value at {@code src}, as a wide value at {@code dst}. */
    public static void slice(long[] v, int dst, int src, int low, int width) {
        zero(v, dst, width);
        depositBits(v, src, low, dst, 0, width);
    }

    /** Widens the value at {@code src} ({@code fromWidth} bits, narrow or wide) to {@code width} bits at {@code dst}. */
    public static void extend(long[] v, int dst, int width, int src, int fromWidth, boolean signed) {
        for (int i = 0, n = words(width); i < n; i++) {
            v[dst + i] = extendedWord(v, src, fromWidth, signed, i);
        }
        clipTop(v, dst, width);
    }

    /** Widens the narrow value {@code value} of {@code fromWidth} bits to {@code width} bits at {@code dst}. */
    public static void extendNarrow(long[] v, int dst, int width, long value, int fromWidth, boolean signed) {
        long low = signed ? NarrowOps.signExtend(value, fromWidth) : value;
        long fill = signed && low < 0 ? -1L : 0L;
        v[dst] = low;
        for (int i = 1, n = words(width); i < n; i++) {
            v[dst + i] = fill;
        }
        clipTop(v, dst, width);
    }

    /**
     * The concatenation of the values at {@code partSlots} (most significant first, of
     * {@code partWidths} bits each, narrow or wide) as a wide value of {@code width} bits at {@code dst}.
     */
    public static void concat(long[] v, int dst, int width, int[] partSlots, int[] partWidths) {
        zero(v, dst, width);
        int low = width;
        for (int i = 0; i < partSlots.length; i++) {
            low -= partWidths[i];
            depositBits(v, partSlots[i], 0, dst, low, partWidths[i]);
        }
    }
}
