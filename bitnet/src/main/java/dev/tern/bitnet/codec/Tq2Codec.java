package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.Half;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * ggml's TQ2_0 (GGUF type 35): blocks of 256 weights, each 64 bytes of 2-bit codes
 * ({@code code = trit + 1}) followed by an fp16 scale, 66 bytes per block; rows are whole blocks.
 * Inside a block, byte {@code 32 * h + m} ({@code h} in 0..1, {@code m} in 0..31) holds elements
 * {@code 128 * h + 32 * l + m} at bit shift {@code 2 * l} for {@code l} in 0..3 (ggml's
 * {@code dequantize_row_tq2_0}).
 *
 * <p>Decoding checks that the block scales form one per-tensor scale ({@link UniformBlockScale})
 * and rejects code 3. Encoding writes the weight's scale, rounded to fp16, into every block, so a
 * round trip returns {@link Half#round} of the scale. Both directions move 16 codes per word
 * operation: each group of four source bytes is a 4 x 4 transpose of the canonical packing.
 */
public final class Tq2Codec extends BlockScaledTernaryCodec {
    public static final int BLOCK_WEIGHTS = 256;
    public static final int BLOCK_BYTES = 66;
    private static final int CODE_BYTES = 64;

    public Tq2Codec() {
        super("TQ2_0", BLOCK_WEIGHTS, BLOCK_BYTES);
    }

    @Override
    public TernaryWeight decode(ByteBuffer data, int rows, int cols, TensorLocation where) {
        ByteBuffer in = requireData(data, rows, cols, where);
        byte[] out = PackedTernaryMatrix.zeroCodes(rows, cols);
        long blocks = (long) rows * (cols / BLOCK_WEIGHTS);
        UniformBlockScale scale = new UniformBlockScale(where, formatName());
        // rows are whole blocks, so block b's 64 canonical bytes are bytes [64b, 64b + 64) of the matrix
        for (int block = 0; block < blocks; block++) {
            int src = block * BLOCK_BYTES;
            int dst = block * CODE_BYTES;
            int nonZero = 0;
            for (int word = 0; word < 16; word++) {
                int half = word >>> 3;
                int group = word & 7;
                int codes = in.getInt(src + 4 * word);
                if (TwoBitFields.hasInvalidCode(codes)) {
                    throw where.errorAt("TQ2_0 block " + block + " holds code 3, which is not a trit", src + 4L * word);
                }
                nonZero |= codes ^ TwoBitFields.ALL_ZERO_CODES;
                int canonical = TwoBitFields.transpose(codes);
                int base = dst + 32 * half + group;
                out[base] = (byte) canonical;
                out[base + 8] = (byte) (canonical >>> 8);
                out[base + 16] = (byte) (canonical >>> 16);
                out[base + 24] = (byte) (canonical >>> 24);
            }
            scale.accept(block, in.getShort(src + CODE_BYTES), nonZero != 0, src + CODE_BYTES);
        }
        return new TernaryWeight(PackedTernaryMatrix.fromCodes(rows, cols, out), scale.scale());
    }

    @Override
    public ByteBuffer encode(TernaryWeight weight) {
        checkEncodable(weight);
        int rows = weight.outFeatures();
        int cols = weight.inFeatures();
        byte[] codes = weight.matrix().toCodes();
        short scale = Half.fromFloat(weight.scale());
        ByteBuffer out = ByteBuffer.allocate((int) encodedSize(rows, cols)).order(ByteOrder.LITTLE_ENDIAN);
        int blocks = rows * (cols / BLOCK_WEIGHTS);
        for (int block = 0; block < blocks; block++) {
            int src = block * CODE_BYTES;
            int dst = block * BLOCK_BYTES;
            for (int word = 0; word < 16; word++) {
                int base = src + 32 * (word >>> 3) + (word & 7);
                int canonical = (codes[base] & 0xFF) | (codes[base + 8] & 0xFF) << 8
                        | (codes[base + 16] & 0xFF) << 16 | (codes[base + 24] & 0xFF) << 24;
                out.putInt(dst + 4 * word, TwoBitFields.transpose(canonical));
            }
            out.putShort(dst + CODE_BYTES, scale);
        }
        return out;
    }
}
