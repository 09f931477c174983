package dev.tern.bitnet.tensor;

import java.util.Arrays;

/**
 * A rows x cols matrix of trits held as 2-bit {@link TernaryCode}s, four to a byte, row-major.
 * Element {@code c} of a row sits in byte {@code c / 4} of that row at bit shift {@code 2 * (c % 4)};
 * each row starts on a byte boundary (unused codes at the end of a row are {@link TernaryCode#ZERO}).
 *
 * <p>This is the one in-memory form of ternary weights: every file codec converts to and from it,
 * and nothing expands it to a byte per weight.
 */
public final class PackedTernaryMatrix {
    private final int rows;
    private final int cols;
    private final int bytesPerRow;
    private final byte[] codes;

    private PackedTernaryMatrix(int rows, int cols, byte[] codes) {
        this.rows = rows;
        this.cols = cols;
        this.bytesPerRow = bytesPerRow(cols);
        this.codes = codes;
    }

    public static int bytesPerRow(int cols) {
        return (cols + 3) / 4;
    }

    /** Bytes needed for a packed matrix of this shape, or -1 when it would not fit one Java array. */
    public static long packedSize(long rows, long cols) {
        if (rows < 0 || cols < 0) {
            return -1;
        }
        long size = rows * ((cols + 3) / 4);
        return size > Integer.MAX_VALUE - 8 ? -1 : size;
    }

    /** A matrix of all-zero weights, to be filled with {@link #set}. */
    public static PackedTernaryMatrix zeros(int rows, int cols) {
        long size = packedSize(rows, cols);
        if (size < 0) {
            throw new IllegalArgumentException("ternary matrix too large: " + rows + " x " + cols);
        }
        byte[] codes = new byte[(int) size];
        Arrays.fill(codes, (byte) 0x55); // four ZERO codes
        return new PackedTernaryMatrix(rows, cols, codes);
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

    /** Wraps already packed codes in this class's layout; the array is used, not copied. */
    public static PackedTernaryMatrix wrap(int rows, int cols, byte[] packedCodes) {
        long size = packedSize(rows, cols);
        if (size != packedCodes.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " ternary matrix packs into "
                    + size + " bytes, got " + packedCodes.length);
        }
        return new PackedTernaryMatrix(rows, cols, packedCodes);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int bytesPerRow() {
        return bytesPerRow;
    }

    public int trit(int row, int col) {
        return code(row, col) - 1;
    }

    public int code(int row, int col) {
        checkIndex(row, col);
        return (codes[row * bytesPerRow + (col >>> 2)] >>> ((col & 3) << 1)) & 3;
    }

    public void set(int row, int col, int trit) {
        checkIndex(row, col);
        int index = row * bytesPerRow + (col >>> 2);
        int shift = (col & 3) << 1;
        codes[index] = (byte) ((codes[index] & ~(3 << shift)) | (TernaryCode.encode(trit) << shift));
    }

    /**
     * The packed codes themselves, for hot loops and codecs. Callers must not modify the array
     * except through {@link #set}.
     */
    public byte[] packedCodes() {
        return codes;
    }

    private void checkIndex(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedTernaryMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.codes, codes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "PackedTernaryMatrix[" + rows + " x " + cols + "]";
    }
}
