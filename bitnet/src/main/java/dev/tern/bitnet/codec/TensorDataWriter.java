package dev.tern.bitnet.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Produces one tensor's bytes while a model file is being written, so that a writer holds at most
 * one tensor (or a chunk of it) in memory: a model larger than the heap can be written. The file
 * writers know the tensor's size from its type and shape and check that exactly that many bytes
 * arrive.
 */
@FunctionalInterface
public interface TensorDataWriter {
    /** Writes the tensor's bytes, in file order, to {@code out}. */
    void writeTo(WritableByteChannel out) throws IOException;

    /** Bytes that already exist: {@code data}'s remaining bytes (not copied; written each time). */
    static TensorDataWriter of(ByteBuffer data) {
        ByteBuffer view = data.slice();
        return out -> writeFully(out, view.duplicate());
    }

    static void writeFully(WritableByteChannel out, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            out.write(data);
        }
    }

    /**
     * Runs {@code source} against {@code out}, requiring exactly {@code expectedBytes}; a source that
     * writes more or fewer is an {@link IllegalStateException} naming {@code tensor}.
     */
    static void writeExactly(TensorDataWriter source, WritableByteChannel out, long expectedBytes, String tensor)
            throws IOException {
        long[] written = {0};
        WritableByteChannel counting = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                if (written[0] + src.remaining() > expectedBytes) {
                    throw new IllegalStateException("tensor '" + tensor + "': its data source writes more than the "
                            + expectedBytes + " bytes its type and shape take");
                }
                int n = out.write(src);
                written[0] += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return out.isOpen();
            }

            @Override
            public void close() {
                // the file writer owns the channel
            }
        };
        source.writeTo(counting);
        if (written[0] != expectedBytes) {
            throw new IllegalStateException("tensor '" + tensor + "': its data source wrote " + written[0]
                    + " bytes, its type and shape take " + expectedBytes);
        }
    }
}
