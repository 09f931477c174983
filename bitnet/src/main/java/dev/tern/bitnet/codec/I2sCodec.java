package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * bitnet.cpp's I2_S (GGUF type 36 in bitnet.cpp's llama.cpp), as its default x86 build writes it
 * ({@code ACT_PARALLEL} in {@code include/gemm-config.h}, and the converter that produced the
 * published bitnet-b1.58-2B-4T GGUF): the tensor's weights, row after row, in blocks of 128 held in
 * 32 bytes, element {@code j} of a block in byte {@code j % 32} at bit shift {@code 6 - 2 * (j / 32)},
 * with {@code code = trit + 1}; then one little-endian f32 scale that multiplies (the weights are
 * {@code trit * scale}); the tensor occupies {@code rows * cols / 4 + 32} bytes, the 28 bytes after
 * the scale being padding. Rows must hold a multiple of 128 weights, so blocks never straddle rows.
 *
 * <p><b>Only this layout is accepted.</b> Two other bitnet.cpp builds write the same type id with
 * different bytes: the ARM build (blocks of 64 in 16 bytes) and the build without
 * {@code ACT_PARALLEL} (four rows interleaved per byte). A GGUF file records neither the build nor
 * the layout, so they cannot be told apart from the bytes; such files decode to wrong trits and
 * must be converted with the x86 default build first.
 */
public final class I2sCodec implements TernaryCodec {
    public static final int BLOCK_WEIGHTS = 128;
    private static final int BLOCK_BYTES = 32;
    /** The scale and its padding after the codes. */
    public static final int TRAILER_BYTES = 32;

    @Override
    public String formatName() {
        return "I2_S";
    }

    @Override
    public int columnMultiple() {
        return BLOCK_WEIGHTS;
    }

    @Override
    public long encodedSize(int rows, int cols) {
        return (long) rows * cols / 4 + TRAILER_BYTES;
    }

    @Override
    public TernaryWeight decode(ByteBuffer data, int rows, int cols, TensorLocation where) {
        ByteBuffer in = requireData(data, rows, cols, where);
        byte[] out = PackedTernaryMatrix.zeroCodes(rows, cols);
        int codeBytes = out.length; // rows * cols / 4: blocks and canonical rows line up byte for byte
        for (int block = 0; block < codeBytes; block += BLOCK_BYTES) {
            for (int group = 0; group < 8; group++) {
                int codes = in.getInt(block + 4 * group);
                if (TwoBitFields.hasInvalidCode(codes)) {
                    throw where.errorAt("I2_S block " + block / BLOCK_BYTES + " holds code 3, which is not a trit",
                            block + 4L * group);
                }
                // reversing the codes in each byte puts element 32g + m at shift 2g of byte m
                int canonical = TwoBitFields.transpose(TwoBitFields.reverseWithinBytes(codes));
                int base = block + group;
                out[base] = (byte) canonical;
                out[base + 8] = (byte) (canonical >>> 8);
                out[base + 16] = (byte) (canonical >>> 16);
                out[base + 24] = (byte) (canonical >>> 24);
            }
        }
        float scale = in.getFloat(codeBytes);
        if (!Float.isFinite(scale)) {
            throw where.errorAt("I2_S scale is not finite: " + scale, codeBytes);
        }
        return new TernaryWeight(PackedTernaryMatrix.fromCodes(rows, cols, out), scale);
    }

    @Override
    public ByteBuffer encode(TernaryWeight weight) {
        checkEncodable(weight);
        byte[] codes = weight.matrix().toCodes();
        ByteBuffer out = ByteBuffer.allocate((int) encodedSize(weight.outFeatures(), weight.inFeatures()))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int block = 0; block < codes.length; block += BLOCK_BYTES) {
            for (int group = 0; group < 8; group++) {
                int base = block + group;
                int canonical = (codes[base] & 0xFF) | (codes[base + 8] & 0xFF) << 8
                        | (codes[base + 16] & 0xFF) << 16 | (codes[base + 24] & 0xFF) << 24;
                out.putInt(block + 4 * group, TwoBitFields.reverseWithinBytes(TwoBitFields.transpose(canonical)));
            }
        }
        out.putFloat(codes.length, weight.scale());
        return out;
    }
}
