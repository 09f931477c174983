package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.DenseElementType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * The bytes of one tensor, produced only when a streaming writer reaches the tensor in the file, so that
 * at most one tensor (or one chunk of rows) is in memory at a time.
 */
@FunctionalInterface
public interface TensorBytes {
    /** Writes the tensor's bytes, in file order, to {@code out}. */
    void writeTo(WritableByteChannel out) throws IOException;

    /** Bytes that already exist (a tensor encoded just now). */
    static TensorBytes of(ByteBuffer bytes) {
        return out -> writeFully(out, bytes.duplicate());
    }

    /** One row of a dense tensor, written into {@code dst}. */
    @FunctionalInterface
    interface RowSource {
        void row(int row, float[] dst);
    }

    /**
     * A rows x cols full-precision tensor stored as {@code type}, generated row by row into chunks of about
     * a megabyte. Values must be exact in {@code type}: these writers never round a weight.
     */
    static TensorBytes denseRows(String tensor, DenseElementType type, int rows, int cols,
            RowSource source) {
        return out -> {
            int rowsPerChunk = Math.max(1, (1 << 20) / Math.max(1, cols * type.bytes()));
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
                writeFully(out, chunk);
            }
        };
    }

    static void writeFully(WritableByteChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }
}
