package dev.tern.sim.ops;

import dev.tern.hdl.ir.Bits;

import java.math.BigInteger;

/** Conversion between the IR's {@link Bits} and the packed words the engines keep values in. */
public final class PackedBits {
    private PackedBits() {
    }

    /** Writes the {@code WideOps.words(bits.width())} words of {@code bits} at {@code off}. */
    public static void store(Bits bits, long[] v, int off) {
        store(bits.toUnsigned(), bits.width(), v, off);
    }

    /** Writes the low {@code width} bits of a non-negative number as {@code WideOps.words(width)} words at {@code off}. */
    public static void store(BigInteger unsigned, int width, long[] v, int off) {
        int n = WideOps.words(width);
        if (n == 1) {
            v[off] = unsigned.longValue() & WideOps.topMask(width);
            return;
        }
        // One pass over the big-endian bytes: shifting the number once per word would cost O(n^2).
        byte[] bigEndian = unsigned.toByteArray();
        java.util.Arrays.fill(v, off, off + n, 0L);
        for (int b = 0; b < bigEndian.length && b < 8 * n; b++) {
            v[off + b / 8] |= (bigEndian[bigEndian.length - 1 - b] & 0xFFL) << (8 * (b % 8));
        }
        v[off + n - 1] &= WideOps.topMask(width);
    }

    /** The value of {@code width} bits at {@code off}. */
    public static Bits load(long[] v, int off, int width) {
        return Bits.of(width, unsigned(v, off, width));
    }

    /** The value of {@code width} bits at {@code off} read as an unsigned number. */
    public static BigInteger unsigned(long[] v, int off, int width) {
        int n = WideOps.words(width);
        byte[] bigEndian = new byte[n * 8 + 1];
        for (int i = 0; i < n; i++) {
            long word = v[off + i];
            int end = bigEndian.length - 8 * i;
            for (int b = 1; b <= 8; b++) {
                bigEndian[end - b] = (byte) (word >>> (8 * (b - 1)));
            }
        }
        return new BigInteger(bigEndian);
    }
}
