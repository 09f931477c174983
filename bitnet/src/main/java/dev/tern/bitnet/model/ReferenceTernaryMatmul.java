package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The software {@link TernaryMatmul}: exact, multithreaded, and working on the packed codes directly.
 *
 * <p>Bit-sliced: sixteen bytes of a packed row, 64 weights, are read as two 64-bit words of 32 codes each,
 * from which two 64-bit masks follow with a few logic operations: the weights that are nonzero and those
 * that are -1, the first word's weights on the even bits and the second word's on the odd bits. Each activation
 * vector is split once per call into its eight two's-complement bit planes, laid out the same way (bit
 * {@code 2j} of plane word {@code k} is bit k of activation {@code 64q + j}, bit {@code 2j + 1} that of
 * activation {@code 64q + 32 + j}). A weight of -1 takes {@code -x = ~x + 1}: its activation's bits are
 * flipped (XOR with the minus mask) and one is added per such weight, so the dot product of 64 weights is
 * {@code sum over bit k of w_k * popcount(nonzero & (plane_k ^ minus)) + popcount(minus)}, with
 * {@code w_k = 2^k} and {@code w_7 = -128}: additions and population counts only, as in hardware, one
 * population count per plane covering 64 weights. Rows go in pairs that share the plane loads, and are split
 * between the pool's threads. Code 3 (never a weight) counts as 0.
 */
public final class ReferenceTernaryMatmul implements TernaryMatmul {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The low bit of every 2-bit code in a word. */
    private static final long LOW_BITS = 0x5555_5555_5555_5555L;
    /** Four ZERO codes in every byte: what a row holds past its end. */
    private static final long ZERO_CODES = 0x5555_5555_5555_5555L;
    private static final int CODES_PER_WORD = 32;
    /** Weights covered by one pair of code words, one plus mask and one minus mask. */
    private static final int WEIGHTS_PER_SLICE = 2 * CODES_PER_WORD;
    private static final int BYTES_PER_SLICE = 2 * Long.BYTES;
    private static final int PLANES = 8;
    /** Weights per parallel piece: enough that handing out a piece costs little next to it. */
    private static final int WEIGHTS_PER_PIECE = 1 << 18;

    private final WorkerPool pool;

    public ReferenceTernaryMatmul(WorkerPool pool) {
        this.pool = pool;
    }

    /** A single-threaded instance. */
    public static ReferenceTernaryMatmul singleThreaded() {
        return new ReferenceTernaryMatmul(WorkerPool.singleThreaded());
    }

    @Override
    public void multiply(PackedTernaryMatrix w, byte[][] xq, int[][] out) {
        TernaryMatmul.checkShapes(w, xq, out);
        int tokens = xq.length;
        int slices = (w.cols() + WEIGHTS_PER_SLICE - 1) / WEIGHTS_PER_SLICE;
        long[][] planes = new long[tokens][];
        pool.forRange(tokens, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                planes[t] = bitPlanes(xq[t], slices);
            }
        });
        byte[] codes = w.packedCodes();
        int bytesPerRow = w.bytesPerRow();
        int grain = Math.max(1, WEIGHTS_PER_PIECE / Math.max(1, w.cols() * tokens));
        pool.forRange(w.rows(), grain, (from, to) -> {
            for (int r = from; r < to; r += 2) {
                // An odd last row is paired with itself; both results are the same.
                int other = Math.min(r + 1, to - 1);
                for (int t = 0; t < tokens; t++) {
                    dotRowPair(codes, r, other, bytesPerRow, planes[t], out[t]);
                }
            }
        });
    }

    /**
     * Word {@code q * 8 + k} has bit {@code 2j} set when bit k of activation {@code 64q + j} is set, and bit
     * {@code 2j + 1} when bit k of activation {@code 64q + 32 + j} is.
     */
    private static long[] bitPlanes(byte[] x, int slices) {
        long[] planes = new long[slices * PLANES];
        for (int c = 0; c < x.length; c++) {
            int bits = x[c] & 0xFF;
            int within = c % WEIGHTS_PER_SLICE;
            int base = (c / WEIGHTS_PER_SLICE) * PLANES;
            long position = 1L << (2 * (within % CODES_PER_WORD) + within / CODES_PER_WORD);
            while (bits != 0) {
                planes[base + Integer.numberOfTrailingZeros(bits)] |= position;
                bits &= bits - 1;
            }
        }
        return planes;
    }

    /**
     * The dot products of rows {@code a} and {@code b} into {@code out[a]} and {@code out[b]}. Two rows share
     * each load of the activation planes. Whole slices run in an unrolled loop without a branch (which is most
     * of the speed); a row whose length is not a multiple of 64 ends with {@link #tailSlices}.
     */
    private static void dotRowPair(byte[] codes, int a, int b, int bytesPerRow, long[] planes, int[] out) {
        int a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, aNegated = 0;
        int b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0, bNegated = 0;
        int aStart = a * bytesPerRow;
        int bStart = b * bytesPerRow;
        int wholeSlices = Math.min(planes.length / PLANES, bytesPerRow / BYTES_PER_SLICE);
        for (int q = 0; q < wholeSlices; q++) {
            int offset = q * BYTES_PER_SLICE;
            long aFirst = (long) LONGS.get(codes, aStart + offset);
            long aSecond = (long) LONGS.get(codes, aStart + offset + Long.BYTES);
            long bFirst = (long) LONGS.get(codes, bStart + offset);
            long bSecond = (long) LONGS.get(codes, bStart + offset + Long.BYTES);
            long aMinus = minusMask(aFirst, aSecond);
            long aNonzero = nonzeroMask(aFirst, aSecond);
            long bMinus = minusMask(bFirst, bSecond);
            long bNonzero = nonzeroMask(bFirst, bSecond);
            int p = q * PLANES;
            long x0 = planes[p], x1 = planes[p + 1], x2 = planes[p + 2], x3 = planes[p + 3];
            long x4 = planes[p + 4], x5 = planes[p + 5], x6 = planes[p + 6], x7 = planes[p + 7];
            a0 += Long.bitCount(aNonzero & (x0 ^ aMinus));
            b0 += Long.bitCount(bNonzero & (x0 ^ bMinus));
            a1 += Long.bitCount(aNonzero & (x1 ^ aMinus));
            b1 += Long.bitCount(bNonzero & (x1 ^ bMinus));
            a2 += Long.bitCount(aNonzero & (x2 ^ aMinus));
            b2 += Long.bitCount(bNonzero & (x2 ^ bMinus));
            a3 += Long.bitCount(aNonzero & (x3 ^ aMinus));
            b3 += Long.bitCount(bNonzero & (x3 ^ bMinus));
            a4 += Long.bitCount(aNonzero & (x4 ^ aMinus));
            b4 += Long.bitCount(bNonzero & (x4 ^ bMinus));
            a5 += Long.bitCount(aNonzero & (x5 ^ aMinus));
            b5 += Long.bitCount(bNonzero & (x5 ^ bMinus));
            a6 += Long.bitCount(aNonzero & (x6 ^ aMinus));
            b6 += Long.bitCount(bNonzero & (x6 ^ bMinus));
            a7 += Long.bitCount(aNonzero & (x7 ^ aMinus));
            b7 += Long.bitCount(bNonzero & (x7 ^ bMinus));
            aNegated += Long.bitCount(aMinus);
            bNegated += Long.bitCount(bMinus);
        }
        out[a] = weighted(a0, a1, a2, a3, a4, a5, a6, a7) + aNegated
                + tailSlices(codes, aStart, bytesPerRow, planes, wholeSlices);
        out[b] = weighted(b0, b1, b2, b3, b4, b5, b6, b7) + bNegated
                + tailSlices(codes, bStart, bytesPerRow, planes, wholeSlices);
    }

    /**
     * The planes' counts weighed by their bits. Two's complement: the top bit of an INT8 weighs -128; with the
     * count of -1 weights added, this is the dot product, since -x is (x with every bit flipped) + 1.
     */
    private static int weighted(int c0, int c1, int c2, int c3, int c4, int c5, int c6, int c7) {
        return c0 + 2 * c1 + 4 * c2 + 8 * c3 + 16 * c4 + 32 * c5 + 64 * c6 - 128 * c7;
    }

    /** The same sum as {@link #dotRowPair}'s over slices {@code [from, slices)}, whose code words may pass the row's end. */
    private static int tailSlices(byte[] codes, int rowStart, int bytesPerRow, long[] planes, int from) {
        int sum = 0;
        for (int q = from; q < planes.length / PLANES; q++) {
            int offset = q * BYTES_PER_SLICE;
            long first = codeWord(codes, rowStart, bytesPerRow, offset);
            long second = codeWord(codes, rowStart, bytesPerRow, offset + Long.BYTES);
            long minus = minusMask(first, second);
            long nonzero = nonzeroMask(first, second);
            for (int k = 0; k < PLANES; k++) {
                int weight = k == PLANES - 1 ? -(1 << k) : 1 << k;
                sum += weight * Long.bitCount(nonzero & (planes[q * PLANES + k] ^ minus));
            }
            sum += Long.bitCount(minus);
        }
        return sum;
    }

    /** The -1 weights of a slice: the first word's on the even bits, the second's on the odd bits. */
    private static long minusMask(long first, long second) {
        return minusMask(first) | (minusMask(second) << 1);
    }

    /** The nonzero weights of a slice, laid out like {@link #minusMask(long, long)}. */
    private static long nonzeroMask(long first, long second) {
        return nonzeroMask(first) | (nonzeroMask(second) << 1);
    }

    /** The low bit of each code that is -1 or +1 (binary 00 or 10: low bit clear; 01 and 3 have it set). */
    private static long nonzeroMask(long word) {
        return ~word & LOW_BITS;
    }

    /** The low bit of each code that is -1 (binary 00). */
    private static long minusMask(long word) {
        return ~(word >>> 1) & nonzeroMask(word);
    }

    /** The code word {@code offset} bytes into a row; past the row's end it holds ZERO codes. */
    private static long codeWord(byte[] codes, int rowStart, int bytesPerRow, int offset) {
        if (offset + Long.BYTES <= bytesPerRow) {
            return (long) LONGS.get(codes, rowStart + offset);
        }
        long word = ZERO_CODES;
        for (int i = 0; i < bytesPerRow - offset; i++) {
            word &= ~(0xFFL << (8 * i));
            word |= (codes[rowStart + offset + i] & 0xFFL) << (8 * i);
        }
        return word;
    }
}
