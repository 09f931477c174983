package dev.tern.bitnet.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/**
 * A row-major rows x cols matrix read in place from a little-endian buffer of F32, F16 or BF16
 * elements, typically a memory-mapped tensor of a model file: nothing is copied or converted
 * until an element is read. The buffer's contents must not change while the matrix is in use.
 *
 * <p>Rows are read in bulk and converted by table ({@link Half#toFloat(short[], float[], int)}). A row's dot
 * product is always the same float sum, {@code ((0 + v0*x0) + v1*x1) + ...} in column order; {@link #dotRows}
 * runs {@value #ROWS_AT_ONCE} rows' sums side by side so that they do not wait on one another, which keeps
 * every row's result bit for bit that of {@link #dotRow}.
 */
public final class BufferDenseMatrix implements DenseMatrix {
    private static final int ROWS_AT_ONCE = 8;

    private final DenseElementType type;
    private final ByteBuffer data;
    /** The elements as 16-bit patterns (F16, BF16) or floats (F32), for bulk reads; the other is null. */
    private final ShortBuffer halfWords;
    private final FloatBuffer floats;
    private final int rows;
    private final int cols;

    /**
     * Wraps {@code data} from its position on; it must hold at least {@code rows * cols} elements,
     * and the matrix must fit one buffer (fewer than 2^31 bytes).
     */
    public BufferDenseMatrix(DenseElementType type, ByteBuffer data, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix shape " + rows + " x " + cols);
        }
        long bytes = (long) rows * cols * type.bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " " + type + " matrix does not fit one buffer");
        }
        if (data.remaining() < bytes) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " " + type + " matrix needs " + bytes
                    + " bytes, the buffer has " + data.remaining());
        }
        this.type = type;
        this.data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.halfWords = type.bytes() == 2 ? this.data.asShortBuffer() : null;
        this.floats = type == DenseElementType.F32 ? this.data.asFloatBuffer() : null;
        this.rows = rows;
        this.cols = cols;
    }

    /** A new heap matrix holding {@code values} (row-major) rounded to {@code type}. */
    public static BufferDenseMatrix of(DenseElementType type, int rows, int cols, float[] values) {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("expected " + (long) rows * cols + " values, got " + values.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            type.write(buffer, i, values[i]);
        }
        return new BufferDenseMatrix(type, buffer, rows, cols);
    }

    public DenseElementType elementType() {
        return type;
    }

    /** A read-only view of the stored bytes, exactly {@code rows * cols} elements, little-endian. */
    public ByteBuffer bytes() {
        return data.asReadOnlyBuffer().limit(rows * cols * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public float get(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
        return type.read(data, row * cols + col);
    }

    @Override
    public void copyRow(int row, float[] dst) {
        checkRow(row);
        read(row * cols, cols, dst, new short[halfWords == null ? 0 : cols]);
    }

    @Override
    public float dotRow(int row, float[] x) {
        checkRow(row);
        float[] values = new float[cols];
        read(row * cols, cols, values, new short[halfWords == null ? 0 : cols]);
        return dot(values, x);
    }

    @Override
    public void dotRows(int from, int to, float[][] x, float[][] out) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") outside " + rows + " rows");
        }
        float[] block = new float[ROWS_AT_ONCE * cols];
        short[] bits = new short[halfWords == null ? 0 : block.length];
        int row = from;
        for (; row + ROWS_AT_ONCE <= to; row += ROWS_AT_ONCE) {
            if (type == DenseElementType.F16) {
                // Converted inside the sums: the table loads overlap with the float additions.
                halfWords.get(row * cols, bits, 0, bits.length);
                for (int b = 0; b < x.length; b++) {
                    dotEightHalfRows(bits, cols, x[b], out[b], row);
                }
            } else {
                read(row * cols, ROWS_AT_ONCE * cols, block, bits);
                for (int b = 0; b < x.length; b++) {
                    dotEightRows(block, cols, x[b], out[b], row);
                }
            }
        }
        for (; row < to; row++) {
            read(row * cols, cols, block, bits);
            for (int b = 0; b < x.length; b++) {
                out[b][row] = dot(block, x[b]);
            }
        }
    }

    /** Converts elements {@code [first, first + count)} into {@code dst}; {@code bits} is scratch for 16-bit types. */
    private void read(int first, int count, float[] dst, short[] bits) {
        switch (type) {
            case F32 -> floats.get(first, dst, 0, count);
            case F16 -> {
                halfWords.get(first, bits, 0, count);
                Half.toFloat(bits, dst, count);
            }
            case BF16 -> {
                halfWords.get(first, bits, 0, count);
                BFloat16.toFloat(bits, dst, count);
            }
        }
    }

    /** The dot product of a row's {@code values} with {@code x[0..cols)}: the one summation order. */
    private float dot(float[] values, float[] x) {
        float sum = 0f;
        for (int c = 0; c < cols; c++) {
            sum += values[c] * x[c];
        }
        return sum;
    }

    /** {@link #dotEightRows} of eight consecutive F16 rows held as bit patterns in {@code bits}. */
    private static void dotEightHalfRows(short[] bits, int cols, float[] x, float[] out, int firstRow) {
        float[] half = Half.Table.VALUES;
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        for (int c = 0; c < cols; c++) {
            float xc = x[c];
            s0 += half[bits[c] & 0xFFFF] * xc;
            s1 += half[bits[cols + c] & 0xFFFF] * xc;
            s2 += half[bits[2 * cols + c] & 0xFFFF] * xc;
            s3 += half[bits[3 * cols + c] & 0xFFFF] * xc;
            s4 += half[bits[4 * cols + c] & 0xFFFF] * xc;
            s5 += half[bits[5 * cols + c] & 0xFFFF] * xc;
            s6 += half[bits[6 * cols + c] & 0xFFFF] * xc;
            s7 += half[bits[7 * cols + c] & 0xFFFF] * xc;
        }
        store(out, firstRow, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    private static void store(float[] out, int firstRow, float s0, float s1, float s2, float s3, float s4, float s5,
            float s6, float s7) {
        out[firstRow] = s0;
        out[firstRow + 1] = s1;
        out[firstRow + 2] = s2;
        out[firstRow + 3] = s3;
        out[firstRow + 4] = s4;
        out[firstRow + 5] = s5;
        out[firstRow + 6] = s6;
        out[firstRow + 7] = s7;
    }

    /** {@link #dot} of eight consecutive rows held in {@code block}, into {@code out[firstRow..firstRow + 8)}. */
    private static void dotEightRows(float[] block, int cols, float[] x, float[] out, int firstRow) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        for (int c = 0; c < cols; c++) {
            float xc = x[c];
            s0 += block[c] * xc;
            s1 += block[cols + c] * xc;
            s2 += block[2 * cols + c] * xc;
            s3 += block[3 * cols + c] * xc;
            s4 += block[4 * cols + c] * xc;
            s5 += block[5 * cols + c] * xc;
            s6 += block[6 * cols + c] * xc;
            s7 += block[7 * cols + c] * xc;
        }
        store(out, firstRow, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " outside " + rows + " rows");
        }
    }

    @Override
    public String toString() {
        return "BufferDenseMatrix[" + type + ", " + rows + " x " + cols + "]";
    }
}
