package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.DenseMatrix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Full-precision tensors (F32, F16, BF16, little-endian, row-major) to and from {@link DenseMatrix}.
 * Decoding wraps the bytes in place (a mapped tensor stays mapped); encoding rounds each value to
 * the element type ({@link dev.tern.bitnet.tensor.Half} for F16, ties to even).
 */
public final class DenseCodec {
    private static final int CHUNK_BYTES = 1 << 20;

    private DenseCodec() {
    }

    public static long encodedSize(DenseElementType type, int rows, int cols) {
        return (long) rows * cols * type.bytes();
    }

    /** A rows x cols view of the tensor starting at {@code data}'s position. */
    public static BufferDenseMatrix decode(ByteBuffer data, DenseElementType type, int rows, int cols,
                                           TensorLocation where) {
        long needed = encodedSize(type, rows, cols);
        if (needed > MappedFile.MAX_REGION) {
            throw where.error("a " + rows + " x " + cols + " " + type + " matrix (" + needed
                    + " bytes) does not fit one buffer");
        }
        if (data.remaining() < needed) {
            throw where.errorAt(type + " data for " + rows + " x " + cols + " needs " + needed + " bytes, only "
                    + data.remaining() + " are there", 0);
        }
        return new BufferDenseMatrix(type, data, rows, cols);
    }

    /** The matrix's values rounded to {@code type}, in a new little-endian heap buffer at position 0. */
    public static ByteBuffer encode(DenseMatrix matrix, DenseElementType type) {
        int rows = matrix.rows();
        int cols = matrix.cols();
        long size = encodedSize(type, rows, cols);
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " " + type + " matrix does not fit one buffer");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        float[] row = new float[cols];
        for (int r = 0; r < rows; r++) {
            matrix.copyRow(r, row);
            for (int c = 0; c < cols; c++) {
                type.write(out, r * cols + c, row[c]);
            }
        }
        return out;
    }

    /** One row of a dense tensor, written into {@code dst}. */
    @FunctionalInterface
    public interface RowSource {
        void row(int row, float[] dst);
    }

    /**
     * The bytes of a rows x cols tensor stored as {@code type}, generated row by row into chunks of about a
     * megabyte while the file is written. Values must be exact in {@code type}: model writers never round a
     * weight, so a value that is not is an {@link IllegalArgumentException} naming the tensor and element.
     */
    public static TensorDataWriter exactRows(String tensor, DenseElementType type, int rows, int cols, RowSource source) {
        return out -> {
            int rowsPerChunk = Math.max(1, CHUNK_BYTES / Math.max(1, cols * type.bytes()));
            ByteBuffer chunk = ByteBuffer.allocate(rowsPerChunk * cols * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[cols];
            for (int first = 0; first < rows; first += rowsPerChunk) {
                int count = Math.min(rowsPerChunk, rows - first);
                chunk.clear();
                for (int r = 0; r < count; r++) {
                    source.row(first + r, values);
                    for (int c = 0; c < cols; c++) {
                        if (type.round(values[c]) != values[c]) {
                            throw new IllegalArgumentException("tensor '" + tensor + "': value " + values[c] + " at ("
                                    + (first + r) + ", " + c + ") is not exact in " + type
                                    + "; model writers do not round weights");
                        }
                        type.write(chunk, r * cols + c, values[c]);
                    }
                }
                chunk.limit(count * cols * type.bytes());
                TensorDataWriter.writeFully(out, chunk);
            }
        };
    }

    /** A one-row tensor holding {@code values} exactly. */
    public static TensorDataWriter exactVector(String tensor, DenseElementType type, float[] values) {
        return exactRows(tensor, type, 1, values.length, (r, dst) -> System.arraycopy(values, 0, dst, 0, values.length));
    }
}
