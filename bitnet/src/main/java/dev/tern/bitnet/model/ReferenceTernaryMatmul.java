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
 * population count per plane covering 64 weights. Rows are split between the pool's threads. Code 3 (never a weight)
 * counts as 0.
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
            for (int r = from; r < to; r++) {
                int rowStart = r * bytesPerRow;
                for (int t = 0; t < tokens; t++) {
                    out[t][r] = dotRow(codes, rowStart, bytesPerRow, planes[t]);
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
     * The row's dot product. Whole slices run in an unrolled loop without a branch (which is most of the
     * speed); a row whose length is not a multiple of 64 ends with {@link #tailSlices}.
     */
    private static int dotRow(byte[] codes, int rowStart, int bytesPerRow, long[] planes) {
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0;
        int negated = 0;
        int slices = planes.length / PLANES;
        int wholeSlices = Math.min(slices, bytesPerRow / BYTES_PER_SLICE);
        for (int q = 0; q < wholeSlices; q++) {
            int at = rowStart + q * BYTES_PER_SLICE;
            long first = (long) LONGS.get(codes, at);
            long second = (long) LONGS.get(codes, at + Long.BYTES);
            long minus = minusMask(first, second);
            long nonzero = nonzeroMask(first, second);
            int p = q * PLANES;
            c0 += Long.bitCount(nonzero & (planes[p] ^ minus));
            c1 += Long.bitCount(nonzero & (planes[p + 1] ^ minus));
            c2 += Long.bitCount(nonzero & (planes[p + 2] ^ minus));
            c3 += Long.bitCount(nonzero & (planes[p + 3] ^ minus));
            c4 += Long.bitCount(nonzero & (planes[p + 4] ^ minus));
            c5 += Long.bitCount(nonzero & (planes[p + 5] ^ minus));
            c6 += Long.bitCount(nonzero & (planes[p + 6] ^ minus));
            c7 += Long.bitCount(nonzero & (planes[p + 7] ^ minus));
            negated += Long.bitCount(minus);
        }
        // Two's complement: the top bit of an INT8 weighs -128, and -x is (x with every bit flipped) + 1.
        return c0 + 2 * c1 + 4 * c2 + 8 * c3 + 16 * c4 + 32 * c5 + 64 * c6 - 128 * c7 + negated
                + tailSlices(codes, rowStart, bytesPerRow, planes, wholeSlices);
    }

    /** The same sum as {@link #dotRow}'s over slices {@code [from, slices)}, whose code words may pass the row's end. */
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
