package dev.tern.bitnet.tensor;

import java.util.Arrays;

/**
 * A rows x cols matrix of trits held as two bit masks, two bits per weight: for every group of 32 columns
 * (a <em>word column</em>) and every row, one 32-bit word has bit {@code c % 32} set when weight
 * {@code (row, c)} is +1, another when it is -1. Each word column is stored as its own arrays indexed by row,
 * so that a loop over rows reads consecutive words; the bits of columns past the last are clear (weight 0).
 *
 * <p>This is the one in-memory form of ternary weights, and nothing expands it to a byte per weight. File codecs
 * exchange weights with it in the canonical 2-bit {@link TernaryCode} packing ({@link #fromCodes}, {@link #toCodes}):
 * four codes to a byte, element {@code c} of a row in byte {@code c / 4} of that row at bit shift
 * {@code 2 * (c % 4)}, each row starting on a byte boundary.
 */
public final class PackedTernaryMatrix {
    /** Columns per mask word. */
    public static final int WORD_COLUMNS = Integer.SIZE;
    /** Four ZERO codes: a byte of the canonical packing that holds no weight. */
    private static final byte ZERO_CODES = 0x55;

    private final int rows;
    private final int cols;
    /** {@code plus[w][r]}: the +1 weights of row r among columns {@code [32w, 32w + 32)}. */
    private final int[][] plus;
    /** {@code minus[w][r]}: the -1 weights, laid out like {@link #plus}. */
    private final int[][] minus;

    private PackedTernaryMatrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        int words = wordColumns(cols);
        this.plus = new int[words][rows];
        this.minus = new int[words][rows];
    }

    /** Bytes per row of the canonical 2-bit packing. */
    public static int bytesPerRow(int cols) {
        return (cols + 3) / 4;
    }

    /** Mask words per row: the number of word columns. */
    public static int wordColumns(int cols) {
        return (cols + WORD_COLUMNS - 1) / WORD_COLUMNS;
    }

    /** A matrix of all-zero weights, to be filled with {@link #set}. */
    public static PackedTernaryMatrix zeros(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative ternary matrix shape " + rows + " x " + cols);
        }
        if (2L * rows * wordColumns(cols) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ternary matrix too large: " + rows + " x " + cols);
        }
        return new PackedTernaryMatrix(rows, cols);
    }

    /** Packs row-major trits (each -1, 0 or +1). */
    public static PackedTernaryMatrix fromTrits(int rows, int cols, byte[] trits) {
        if ((long) rows * cols != trits.length) {
            throw new IllegalArgumentException("expected " + (long) rows * cols + " trits, got " + trits.length);
        }
        PackedTernaryMatrix m = zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m.set(r, c, trits[r * cols + c]);
            }
        }
        return m;
    }

    /** A canonical packing of a rows x cols matrix of zeros, for a codec to fill and pass to {@link #fromCodes}. */
    public static byte[] zeroCodes(int rows, int cols) {
        long size = (long) rows * bytesPerRow(cols);
        if (rows < 0 || cols < 0 || size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ternary matrix too large: " + rows + " x " + cols);
        }
        byte[] codes = new byte[(int) size];
        Arrays.fill(codes, ZERO_CODES);
        return codes;
    }

    /** Writes the 2-bit {@code code} of element {@code (row, col)} into a canonical packing of {@code cols} columns. */
    public static void putCode(byte[] codes, int cols, int row, int col, int code) {
        int index = row * bytesPerRow(cols) + (col >>> 2);
        int shift = (col & 3) << 1;
        codes[index] = (byte) ((codes[index] & ~(3 << shift)) | (code << shift));
    }

    /**
     * The matrix of a canonical 2-bit packing. Every code must be a weight (code 3 is not; the codecs reject it
     * in a file before they get here), and the codes past a row's last column are ignored.
     */
    public static PackedTernaryMatrix fromCodes(int rows, int cols, byte[] codes) {
        int rowBytes = bytesPerRow(cols);
        if ((long) rows * rowBytes != codes.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " ternary matrix packs into "
                    + (long) rows * rowBytes + " bytes, got " + codes.length);
        }
        PackedTernaryMatrix m = zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            int rowStart = r * rowBytes;
            for (int w = 0; w < m.plus.length; w++) {
                long word = codeWord(codes, rowStart, rowBytes, w, cols);
                long high = word >>> 1 & TwoBitLanes.LOW_BITS;
                long low = word & TwoBitLanes.LOW_BITS;
                if ((high & low) != 0) {
                    int col = w * WORD_COLUMNS + Long.numberOfTrailingZeros(high & low) / 2;
                    throw new IllegalArgumentException("code 3 at (" + r + ", " + col + ") is not a ternary weight");
                }
                m.plus[w][r] = TwoBitLanes.compress(high);
                m.minus[w][r] = TwoBitLanes.compress(~(high | low) & TwoBitLanes.LOW_BITS);
            }
        }
        return m;
    }

    /**
     * The 32 codes of word column {@code w} of the row starting at {@code rowStart}, code {@code j} at bits
     * {@code 2j, 2j + 1}; columns past {@code cols} read as ZERO codes.
     */
    private static long codeWord(byte[] codes, int rowStart, int rowBytes, int w, int cols) {
        int first = w * (WORD_COLUMNS / 4);
        int count = Math.min(WORD_COLUMNS / 4, rowBytes - first);
        long word = 0;
        for (int i = 0; i < count; i++) {
            word |= (codes[rowStart + first + i] & 0xFFL) << (8 * i);
        }
        int valid = Math.min(WORD_COLUMNS, cols - w * WORD_COLUMNS);
        if (valid < WORD_COLUMNS) {
            long validBits = (1L << (2 * valid)) - 1;
            word = (word & validBits) | (TwoBitLanes.ZERO_CODES & ~validBits);
        }
        return word;
    }

    /** The canonical 2-bit packing of this matrix, a new array (codes past a row's last column are ZERO). */
    public byte[] toCodes() {
        byte[] codes = zeroCodes(rows, cols);
        int rowBytes = bytesPerRow(cols);
        for (int r = 0; r < rows; r++) {
            for (int w = 0; w < plus.length; w++) {
                // +1 is code 10, 0 is code 01, -1 is code 00; columns past the last have neither bit: ZERO
                long word = TwoBitLanes.spread(plus[w][r]) << 1 | TwoBitLanes.spread(~(plus[w][r] | minus[w][r]));
                int first = w * (WORD_COLUMNS / 4);
                int count = Math.min(WORD_COLUMNS / 4, rowBytes - first);
                for (int i = 0; i < count; i++) {
                    codes[r * rowBytes + first + i] = (byte) (word >>> (8 * i));
                }
            }
        }
        return codes;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int trit(int row, int col) {
        return code(row, col) - 1;
    }

    public int code(int row, int col) {
        checkIndex(row, col);
        int bit = 1 << (col & (WORD_COLUMNS - 1));
        int w = col / WORD_COLUMNS;
        if ((plus[w][row] & bit) != 0) {
            return TernaryCode.PLUS_ONE;
        }
        return (minus[w][row] & bit) != 0 ? TernaryCode.MINUS_ONE : TernaryCode.ZERO;
    }

    public void set(int row, int col, int trit) {
        checkIndex(row, col);
        TernaryCode.encode(trit);
        int bit = 1 << (col & (WORD_COLUMNS - 1));
        int w = col / WORD_COLUMNS;
        plus[w][row] = trit > 0 ? plus[w][row] | bit : plus[w][row] & ~bit;
        minus[w][row] = trit < 0 ? minus[w][row] | bit : minus[w][row] & ~bit;
    }

    /**
     * The +1 masks of word column {@code w}, one word per row, for hot loops. Callers must not modify the array.
     */
    public int[] plusMasks(int w) {
        return plus[w];
    }

    /** The -1 masks of word column {@code w}, like {@link #plusMasks}. Callers must not modify the array. */
    public int[] minusMasks(int w) {
        return minus[w];
    }

    private void checkIndex(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedTernaryMatrix m && m.rows == rows && m.cols == cols && Arrays.deepEquals(m.plus, plus)
                && Arrays.deepEquals(m.minus, minus);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rows + cols) + Arrays.deepHashCode(plus)) + Arrays.deepHashCode(minus);
    }

    @Override
    public String toString() {
        return "PackedTernaryMatrix[" + rows + " x " + cols + "]";
    }
}
