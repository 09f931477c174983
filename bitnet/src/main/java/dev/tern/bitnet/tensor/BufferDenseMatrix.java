package dev.tern.bitnet.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A row-major rows x cols matrix read in place from a little-endian buffer of F32, F16 or BF16
 * elements, typically a memory-mapped tensor of a model file: nothing is copied or converted
 * until an element is read. The buffer's contents must not change while the matrix is in use.
 */
public final class BufferDenseMatrix implements DenseMatrix {
    private final DenseElementType type;
    private final ByteBuffer data;
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
        int base = row * cols;
        for (int c = 0; c < cols; c++) {
            dst[c] = type.read(data, base + c);
        }
    }

    @Override
    public float dotRow(int row, float[] x) {
        checkRow(row);
        int base = row * cols;
        float sum = 0f;
        for (int c = 0; c < cols; c++) {
            sum += type.read(data, base + c) * x[c];
        }
        return sum;
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
