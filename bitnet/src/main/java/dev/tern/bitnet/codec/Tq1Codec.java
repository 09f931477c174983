package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.Half;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * ggml's TQ1_0 (GGUF type 34): blocks of 256 weights in 54 bytes (1.69 bits per weight), rows are
 * whole blocks. A block is 48 bytes of five trits each, 4 bytes of four trits each, then an fp16
 * scale. A byte holding the base-3 number {@code v} (first trit most significant) stores
 * {@code ceil(v * 256 / 243)}; trit {@code n} comes back as {@code ((byte * 3^n mod 256) * 3) >> 8}.
 *
 * <p>Element order inside a block (ggml's {@code dequantize_row_tq1_0}):
 * <ul>
 *   <li>elements {@code 0..159}: element {@code 32 * n + m} is trit {@code n} of byte {@code m}
 *       ({@code m} in 0..31, {@code n} in 0..4);</li>
 *   <li>elements {@code 160..239}: element {@code 160 + 16 * n + m} is trit {@code n} of byte
 *       {@code 32 + m} ({@code m} in 0..15);</li>
 *   <li>elements {@code 240..255}: element {@code 240 + 4 * n + j} is trit {@code n} of byte
 *       {@code 48 + j} ({@code j} in 0..3, {@code n} in 0..3; the fifth trit is 0).</li>
 * </ul>
 * Every byte value decodes to trits, so there is no invalid code; bytes the encoder never writes
 * are decoded as ggml decodes them. Scales follow {@link UniformBlockScale}; encoding writes the
 * fp16-rounded scale into every block.
 */
public final class Tq1Codec extends BlockScaledTernaryCodec {
    public static final int BLOCK_WEIGHTS = 256;
    public static final int BLOCK_BYTES = 54;
    private static final int TRIT_BYTES = 52;
    private static final int CANONICAL_BYTES = BLOCK_WEIGHTS / 4;

    /** CODE[n * 256 + b]: the 2-bit code of trit n of byte b. */
    private static final byte[] CODE = new byte[5 * 256];
    /** For each canonical byte of a block: the first of the four source bytes and the trit index. */
    private static final int[] SOURCE_BYTE = new int[CANONICAL_BYTES];
    private static final int[] SOURCE_TRIT = new int[CANONICAL_BYTES];

    static {
        for (int n = 0, power = 1; n < 5; n++, power *= 3) {
            for (int b = 0; b < 256; b++) {
                CODE[n * 256 + b] = (byte) ((((b * power) & 0xFF) * 3) >>> 8);
            }
        }
        for (int canonical = 0; canonical < CANONICAL_BYTES; canonical++) {
            int element = 4 * canonical;
            if (element < 160) {
                SOURCE_TRIT[canonical] = element / 32;
                SOURCE_BYTE[canonical] = element % 32;
            } else if (element < 240) {
                SOURCE_TRIT[canonical] = (element - 160) / 16;
                SOURCE_BYTE[canonical] = 32 + (element - 160) % 16;
            } else {
                SOURCE_TRIT[canonical] = (element - 240) / 4;
                SOURCE_BYTE[canonical] = 48 + (element - 240) % 4;
            }
        }
    }

    public Tq1Codec() {
        super("TQ1_0", BLOCK_WEIGHTS, BLOCK_BYTES);
    }

    @Override
    public TernaryWeight decode(ByteBuffer data, int rows, int cols, TensorLocation where) {
        ByteBuffer in = requireData(data, rows, cols, where);
        byte[] out = PackedTernaryMatrix.zeroCodes(rows, cols);
        long blocks = (long) rows * (cols / BLOCK_WEIGHTS);
        UniformBlockScale scale = new UniformBlockScale(where, formatName());
        byte[] block = new byte[TRIT_BYTES];
        for (int b = 0; b < blocks; b++) {
            int src = b * BLOCK_BYTES;
            in.get(src, block);
            int dst = b * CANONICAL_BYTES;
            boolean nonZero = false;
            for (int canonical = 0; canonical < CANONICAL_BYTES; canonical++) {
                int table = SOURCE_TRIT[canonical] * 256;
                int first = SOURCE_BYTE[canonical];
                int packed = CODE[table + (block[first] & 0xFF)]
                        | CODE[table + (block[first + 1] & 0xFF)] << 2
                        | CODE[table + (block[first + 2] & 0xFF)] << 4
                        | CODE[table + (block[first + 3] & 0xFF)] << 6;
                nonZero |= packed != 0x55;
                out[dst + canonical] = (byte) packed;
            }
            scale.accept(b, in.getShort(src + TRIT_BYTES), nonZero, src + TRIT_BYTES);
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
        for (int b = 0; b < blocks; b++) {
            int src = b * CANONICAL_BYTES;
            int dst = b * BLOCK_BYTES;
            packFiveTritBytes(codes, src, 0, 32, out, dst);
            packFiveTritBytes(codes, src, 160, 16, out, dst + 32);
            for (int j = 0; j < 4; j++) {
                int value = 0;
                for (int n = 0; n < 4; n++) {
                    value = value * 3 + TwoBitFields.code(codes, src, 240 + 4 * n + j);
                }
                out.put(dst + 48 + j, storedByte(value * 3)); // the unused fifth trit is the least significant
            }
            out.putShort(dst + TRIT_BYTES, scale);
        }
        return out;
    }

    /** Bytes {@code [dst, dst + stride)}: byte m holds elements {@code first + m + stride * n}, n = 0..4. */
    private static void packFiveTritBytes(byte[] codes, int rowStart, int first, int stride, ByteBuffer out, int dst) {
        for (int m = 0; m < stride; m++) {
            int value = 0;
            for (int n = 0; n < 5; n++) {
                value = value * 3 + TwoBitFields.code(codes, rowStart, first + m + stride * n);
            }
            out.put(dst + m, storedByte(value));
        }
    }

    /** The byte that stores the base-3 number {@code value} (0..242): ceil(value * 256 / 243). */
    private static byte storedByte(int value) {
        return (byte) ((value * 256 + 242) / 243);
    }
}
