package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The software {@link TernaryMatmul}: exact, multithreaded, and working on the packed codes directly.
 *
 * <p>Bit-sliced: eight bytes of a packed row are read as one 64-bit word holding 32 codes, from which two
 * masks follow with a few logic operations, the weights that are +1 and those that are -1. Each activation
 * vector is split once per call into its eight two's-complement bit planes, laid out like the codes (bit
 * {@code 2j} of a plane word belongs to column {@code j} of the group). The dot product of a group is then
 * {@code sum over bit k of w_k * (popcount(plus & plane_k) - popcount(minus & plane_k))}, with
 * {@code w_k = 2^k} and {@code w_7 = -128}: additions and population counts only, as in hardware.
 * Rows are split between the pool's threads. Code 3 (never a weight) counts as 0.
 */
public final class ReferenceTernaryMatmul implements TernaryMatmul {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The low bit of every 2-bit code in a word. */
    private static final long LOW_BITS = 0x5555_5555_5555_5555L;
    private static final int CODES_PER_WORD = 32;
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
        int groups = (w.cols() + CODES_PER_WORD - 1) / CODES_PER_WORD;
        long[][] planes = new long[tokens][];
        pool.forRange(tokens, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                planes[t] = bitPlanes(xq[t], groups);
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

    /** Word {@code g * 8 + k} has bit {@code 2j} set when bit k of activation {@code 32g + j} is set. */
    private static long[] bitPlanes(byte[] x, int groups) {
        long[] planes = new long[groups * PLANES];
        for (int c = 0; c < x.length; c++) {
            int bits = x[c] & 0xFF;
            int base = (c / CODES_PER_WORD) * PLANES;
            long position = 1L << (2 * (c % CODES_PER_WORD));
            while (bits != 0) {
                planes[base + Integer.numberOfTrailingZeros(bits)] |= position;
                bits &= bits - 1;
            }
        }
        return planes;
    }

    private static int dotRow(byte[] codes, int rowStart, int bytesPerRow, long[] planes) {
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0;
        int fullWords = bytesPerRow / Long.BYTES;
        int groups = planes.length / PLANES;
        for (int g = 0; g < groups; g++) {
            long word = g < fullWords ? (long) LONGS.get(codes, rowStart + g * Long.BYTES)
                    : tailWord(codes, rowStart + g * Long.BYTES, bytesPerRow - g * Long.BYTES);
            long low = word & LOW_BITS;
            long high = (word >>> 1) & LOW_BITS;
            long plus = high & ~low;
            long minus = ~(high | low) & LOW_BITS;
            int p = g * PLANES;
            c0 += Long.bitCount(plus & planes[p]) - Long.bitCount(minus & planes[p]);
            c1 += Long.bitCount(plus & planes[p + 1]) - Long.bitCount(minus & planes[p + 1]);
            c2 += Long.bitCount(plus & planes[p + 2]) - Long.bitCount(minus & planes[p + 2]);
            c3 += Long.bitCount(plus & planes[p + 3]) - Long.bitCount(minus & planes[p + 3]);
            c4 += Long.bitCount(plus & planes[p + 4]) - Long.bitCount(minus & planes[p + 4]);
            c5 += Long.bitCount(plus & planes[p + 5]) - Long.bitCount(minus & planes[p + 5]);
            c6 += Long.bitCount(plus & planes[p + 6]) - Long.bitCount(minus & planes[p + 6]);
            c7 += Long.bitCount(plus & planes[p + 7]) - Long.bitCount(minus & planes[p + 7]);
        }
        // Two's complement: the top bit of an INT8 weighs -128.
        return c0 + 2 * c1 + 4 * c2 + 8 * c3 + 16 * c4 + 32 * c5 + 64 * c6 - 128 * c7;
    }

    /** The last, partial word of a row: its remaining bytes, and ZERO codes (0x55) where the row has ended. */
    private static long tailWord(byte[] codes, int start, int available) {
        long word = 0x5555_5555_5555_5555L;
        for (int i = 0; i < available; i++) {
            word &= ~(0xFFL << (8 * i));
            word |= (codes[start + i] & 0xFFL) << (8 * i);
        }
        return word;
    }
}
