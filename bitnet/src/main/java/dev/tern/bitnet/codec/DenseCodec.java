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
}
