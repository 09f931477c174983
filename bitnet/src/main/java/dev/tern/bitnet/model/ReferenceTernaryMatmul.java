package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;

/**
 * The software {@link TernaryMatmul}: exact, multithreaded, and working on the packed codes directly.
 *
 * <p>Each packed byte holds four codes, so for every group of four activations it builds a 256-entry
 * table of the four-term sum for every possible byte; a row's dot product is then one table look-up
 * and one addition per byte. Tables are built once per call and token and shared by all rows; rows are
 * split between the pool's threads. Code 3 (never a weight) counts as 0.
 */
public final class ReferenceTernaryMatmul implements TernaryMatmul {
    private static final int ENTRIES = 256;
    /** Table look-ups per parallel piece: enough that handing out a piece costs little next to it. */
    private static final int LOOKUPS_PER_PIECE = 1 << 16;
    /** Tokens whose tables are built at once; bounds the tables to 16 x 256 entries per 4 inputs. */
    private static final int TOKENS_PER_PASS = 16;

    private final WorkerPool pool;
    private final ThreadLocal<short[][]> tables = ThreadLocal.withInitial(() -> new short[0][]);

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
        for (int first = 0; first < xq.length; first += TOKENS_PER_PASS) {
            multiplyPass(w, xq, out, first, Math.min(xq.length, first + TOKENS_PER_PASS));
        }
    }

    /** Tokens {@code [first, end)}: few enough that their tables stay a bounded size. */
    private void multiplyPass(PackedTernaryMatrix w, byte[][] xq, int[][] out, int first, int end) {
        int tokens = end - first;
        int bytesPerRow = w.bytesPerRow();
        short[][] lut = tablesFor(tokens, bytesPerRow * ENTRIES);
        pool.forRange(tokens, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                fillTable(xq[first + t], lut[t], bytesPerRow);
            }
        });
        byte[] codes = w.packedCodes();
        int grain = Math.max(1, LOOKUPS_PER_PIECE / Math.max(1, bytesPerRow * tokens));
        pool.forRange(w.rows(), grain, (from, to) -> {
            for (int r = from; r < to; r++) {
                int rowStart = r * bytesPerRow;
                for (int t = 0; t < tokens; t++) {
                    out[first + t][r] = dotRow(codes, rowStart, bytesPerRow, lut[t]);
                }
            }
        });
    }

    private static int dotRow(byte[] codes, int rowStart, int bytesPerRow, short[] table) {
        int sum0 = 0;
        int sum1 = 0;
        int i = 0;
        for (; i + 1 < bytesPerRow; i += 2) {
            sum0 += table[(i << 8) | (codes[rowStart + i] & 0xFF)];
            sum1 += table[((i + 1) << 8) | (codes[rowStart + i + 1] & 0xFF)];
        }
        if (i < bytesPerRow) {
            sum0 += table[(i << 8) | (codes[rowStart + i] & 0xFF)];
        }
        return sum0 + sum1;
    }

    /**
     * {@code table[g * 256 + byte]} = the sum of the four activations of group {@code g} weighted by the trits the
     * byte encodes; activations past the end of the vector are 0, matching the ZERO padding of a packed row.
     */
    private static void fillTable(byte[] x, short[] table, int groups) {
        int[] low = new int[16];
        int[] high = new int[16];
        for (int g = 0; g < groups; g++) {
            int c = g * 4;
            int x0 = c < x.length ? x[c] : 0;
            int x1 = c + 1 < x.length ? x[c + 1] : 0;
            int x2 = c + 2 < x.length ? x[c + 2] : 0;
            int x3 = c + 3 < x.length ? x[c + 3] : 0;
            for (int nibble = 0; nibble < 16; nibble++) {
                low[nibble] = weighted(nibble & 3, x0) + weighted(nibble >>> 2, x1);
                high[nibble] = weighted(nibble & 3, x2) + weighted(nibble >>> 2, x3);
            }
            int base = g * ENTRIES;
            for (int hi = 0; hi < 16; hi++) {
                int h = high[hi];
                int at = base + (hi << 4);
                for (int lo = 0; lo < 16; lo++) {
                    table[at + lo] = (short) (low[lo] + h);
                }
            }
        }
    }

    private static int weighted(int code, int x) {
        return code == 0 ? -x : code == 2 ? x : 0;
    }

    /** This thread's tables, grown (never shrunk) to {@code tokens} tables of at least {@code size} entries. */
    private short[][] tablesFor(int tokens, int size) {
        short[][] cached = tables.get();
        if (cached.length < tokens || cached[0].length < size) {
            int capacity = Math.max(size, cached.length == 0 ? 0 : cached[0].length);
            cached = new short[Math.max(tokens, cached.length)][capacity];
            tables.set(cached);
        }
        return cached;
    }
}
