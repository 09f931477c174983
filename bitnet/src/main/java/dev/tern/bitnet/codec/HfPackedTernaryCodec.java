package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.nio.ByteBuffer;

/**
 * The packed ternary layout of Hugging Face BitNet checkpoints (microsoft/bitnet-b1.58-2B-4T,
 * transformers' {@code pack_weights}/{@code unpack_weights}): a U8 tensor of shape
 * {@code [out / 4, in]}; byte {@code P[p][c]} holds, at bit shift {@code 2 * i} for {@code i} in
 * 0..3, the code ({@code trit + 1}) of weight row {@code i * out / 4 + p}, column {@code c}. The
 * output feature count is therefore a multiple of 4 (transformers sizes the buffer as
 * {@code out // 4}).
 *
 * <p>The scale lives in a separate tensor (2B-4T: {@code <proj>.weight_scale}, BF16, shape [1]);
 * whether it multiplies or divides is the checkpoint's {@link ScaleConvention}. Decoding and
 * encoding move 16 codes per word operation: four bytes of a packed row are a 4 x 4 transpose of
 * one canonical byte from each of the four rows they feed.
 */
public final class HfPackedTernaryCodec {
    private HfPackedTernaryCodec() {
    }

    /** Bytes of the packed tensor for a weight of {@code outFeatures x inFeatures}. */
    public static long packedSize(int outFeatures, int inFeatures) {
        return (long) outFeatures / 4 * inFeatures;
    }

    /**
     * Decodes a packed {@code [packedRows, cols]} U8 tensor starting at {@code packed}'s position,
     * with the scale value stored beside it.
     */
    public static TernaryWeight decode(ByteBuffer packed, int packedRows, int cols, float storedScale,
                                       ScaleConvention convention, TensorLocation where) {
        if (packedRows < 0 || cols < 0 || (long) packedRows * 4 > Integer.MAX_VALUE) {
            throw where.error("packed shape [" + packedRows + ", " + cols + "] is not a weight matrix");
        }
        long needed = (long) packedRows * cols;
        if (packed.remaining() < needed) {
            throw where.errorAt("packed ternary data for [" + packedRows + ", " + cols + "] needs " + needed
                    + " bytes, only " + packed.remaining() + " are there", 0);
        }
        float gamma = convention.gamma(storedScale);
        if (!Float.isFinite(gamma)) {
            throw where.error("scale " + storedScale + " (" + convention + ") gives a non-finite gamma");
        }
        int rows = packedRows * 4;
        byte[] out = PackedTernaryMatrix.zeroCodes(rows, cols);
        int rowBytes = PackedTernaryMatrix.bytesPerRow(cols);
        byte[] row = new byte[cols];
        int wholeGroups = cols / 4;
        for (int p = 0; p < packedRows; p++) {
            long rowOffset = (long) p * cols;
            packed.get(packed.position() + (int) rowOffset, row);
            for (int group = 0; group < wholeGroups; group++) {
                int codes = TwoBitFields.word(row, 4 * group);
                if (TwoBitFields.hasInvalidCode(codes)) {
                    throw invalidCode(where, rowOffset + 4L * group);
                }
                int canonical = TwoBitFields.transpose(codes);
                for (int i = 0; i < 4; i++) {
                    out[(i * packedRows + p) * rowBytes + group] = (byte) (canonical >>> (8 * i));
                }
            }
            for (int c = 4 * wholeGroups; c < cols; c++) {
                int codes = row[c] & 0xFF;
                for (int i = 0; i < 4; i++) {
                    int code = (codes >>> (2 * i)) & 3;
                    if (code == 3) {
                        throw invalidCode(where, rowOffset + c);
                    }
                    PackedTernaryMatrix.putCode(out, cols, i * packedRows + p, c, code);
                }
            }
        }
        return new TernaryWeight(PackedTernaryMatrix.fromCodes(rows, cols, out), gamma);
    }

    private static ModelFormatException invalidCode(TensorLocation where, long offset) {
        return where.errorAt("packed ternary byte holds code 3, which is not a trit", offset);
    }

    /** The packed {@code [out / 4, in]} bytes of {@code weight}, row-major; out must be a multiple of 4. */
    public static byte[] encode(TernaryWeight weight) {
        int rows = weight.outFeatures();
        int cols = weight.inFeatures();
        if (rows % 4 != 0) {
            throw new IllegalArgumentException("the packed layout needs a multiple of 4 output features, got " + rows);
        }
        PackedTernaryMatrix matrix = weight.matrix();
        byte[] codes = matrix.toCodes();
        int rowBytes = PackedTernaryMatrix.bytesPerRow(cols);
        int packedRows = rows / 4;
        byte[] packed = new byte[(int) packedSize(rows, cols)];
        int wholeGroups = cols / 4;
        for (int p = 0; p < packedRows; p++) {
            int rowStart = p * cols;
            for (int group = 0; group < wholeGroups; group++) {
                int canonical = 0;
                for (int i = 0; i < 4; i++) {
                    canonical |= (codes[(i * packedRows + p) * rowBytes + group] & 0xFF) << (8 * i);
                }
                int bytes = TwoBitFields.transpose(canonical);
                for (int t = 0; t < 4; t++) {
                    packed[rowStart + 4 * group + t] = (byte) (bytes >>> (8 * t));
                }
            }
            for (int c = 4 * wholeGroups; c < cols; c++) {
                int value = 0;
                for (int i = 0; i < 4; i++) {
                    value |= TwoBitFields.code(codes, (i * packedRows + p) * rowBytes, c) << (2 * i);
                }
                packed[rowStart + c] = (byte) value;
            }
        }
        return packed;
    }
}
