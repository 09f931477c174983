package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.nio.ByteBuffer;

/**
 * One on-disk encoding of a ternary weight matrix with a per-tensor scale, converted to and from
 * the canonical {@link PackedTernaryMatrix}. A matrix is {@code rows} output features by
 * {@code cols} input features; on disk the rows follow each other (GGUF's {@code ne[0]} is
 * {@code cols}).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface TernaryCodec {
    /** The encoding's name as files and tools spell it, e.g. {@code TQ2_0}. */
    String formatName();

    /** Row lengths ({@code cols}) must be a multiple of this (the block length). */
    int columnMultiple();

    /** The exact number of bytes a rows x cols tensor takes in this encoding. */
    long encodedSize(int rows, int cols);

    /**
     * Decodes a tensor whose bytes start at {@code data}'s position (little-endian; the buffer may
     * be longer). Damage (too few bytes, codes that are not trits, disagreeing or non-finite
     * scales) is a {@link ModelFormatException} located with {@code where}.
     */
    TernaryWeight decode(ByteBuffer data, int rows, int cols, TensorLocation where);

    /**
     * Encodes {@code weight} into a new little-endian heap buffer of exactly
     * {@link #encodedSize} bytes, positioned at 0. A shape the encoding cannot hold is an
     * {@link IllegalArgumentException}.
     */
    ByteBuffer encode(TernaryWeight weight);

    /** Checks a shape read from a file against this encoding's row-length rule. */
    default void checkShape(int rows, int cols, TensorLocation where) {
        if (rows < 0 || cols < 0) {
            throw where.error("negative shape " + rows + " x " + cols);
        }
        if (cols % columnMultiple() != 0) {
            throw where.error(formatName() + " rows must hold a multiple of " + columnMultiple()
                    + " weights, found " + cols + " per row");
        }
    }

    /** Checks that {@code data} holds the encoded tensor, before anything is decoded. */
    default ByteBuffer requireData(ByteBuffer data, int rows, int cols, TensorLocation where) {
        checkShape(rows, cols, where);
        long needed = encodedSize(rows, cols);
        if (data.remaining() < needed) {
            throw where.errorAt(formatName() + " data for " + rows + " x " + cols + " needs " + needed
                    + " bytes, only " + data.remaining() + " are there", 0);
        }
        return data.slice().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** Checks a weight about to be encoded against this encoding's row-length rule. */
    default void checkEncodable(TernaryWeight weight) {
        int cols = weight.inFeatures();
        if (cols % columnMultiple() != 0) {
            throw new IllegalArgumentException(formatName() + " rows must hold a multiple of " + columnMultiple()
                    + " weights, got " + cols);
        }
        if (encodedSize(weight.outFeatures(), cols) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a " + weight.outFeatures() + " x " + cols + " " + formatName()
                    + " tensor does not fit one buffer");
        }
    }
}
