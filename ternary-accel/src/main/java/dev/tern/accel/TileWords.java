package dev.tern.accel;

import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;

import java.math.BigInteger;

/**
 * The SRAM words of one tile, bit for bit as the hardware reads them: an activation word holds
 * {@code lanes} INT8 activations (lane {@code i} in bits {@code 8i+7..8i}); a weight word holds for
 * each of {@code rows} output rows ({@code r} from bit {@code r * encoding.bitsFor(lanes)}) its
 * {@code lanes} weights, as 2-bit codes (lane {@code i} in bits {@code 2i+1..2i}) or as base-3
 * bytes (lanes {@code 5b..5b+4} in byte {@code b}). Entries past the matrix's edge are zero
 * activations and zero weights, which is how tiles that overhang {@code in} or {@code out} are padded.
 */
public final class TileWords {
    private TileWords() {
    }

    /** Activations {@code start .. start+lanes-1} of {@code x}. */
    public static BigInteger activations(byte[] x, int start, int lanes) {
        byte[] bigEndian = new byte[lanes];
        for (int i = 0; i < lanes && start + i < x.length; i++) {
            bigEndian[lanes - 1 - i] = x[start + i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** The weights of rows {@code rowStart ..} and columns {@code colStart ..} of {@code codes} (out x in). */
    public static BigInteger weights(AcceleratorConfig config, byte[][] codes, int rowStart, int colStart) {
        int rowBits = config.encoding().bitsFor(config.lanes());
        int lanes = config.lanes();
        long[] word = new long[WideOps.words(config.rows() * rowBits)];
        int[] group = new int[Base3Codec.TRITS_PER_BYTE];
        for (int r = 0; r < config.rows(); r++) {
            byte[] row = rowStart + r < codes.length ? codes[rowStart + r] : new byte[0];
            int rowBase = r * rowBits;
            if (config.encoding() == WeightEncoding.TWO_BIT) {
                for (int i = 0; i < lanes; i++) {
                    int code = colStart + i < row.length ? row[colStart + i] & 3 : TernaryWeightCode.ZERO;
                    put(word, rowBase + TernaryWeightCode.BITS * i, code, TernaryWeightCode.BITS);
                }
                continue;
            }
            for (int b = 0; b * Base3Codec.TRITS_PER_BYTE < lanes; b++) {
                for (int n = 0; n < group.length; n++) {
                    int lane = b * Base3Codec.TRITS_PER_BYTE + n;
                    boolean inside = lane < lanes && colStart + lane < row.length;
                    group[n] = inside ? base3Code(row[colStart + lane]) : TernaryWeightCode.ZERO;
                }
                put(word, rowBase + 8 * b, Base3Codec.encode(group), 8);
            }
        }
        return PackedBits.unsigned(word, 0, Math.max(1, config.rows() * rowBits));
    }

    /** ORs the {@code bits}-bit {@code value} into the little-endian words at bit {@code offset}. */
    private static void put(long[] words, int offset, long value, int bits) {
        int shift = offset & 63;
        words[offset >>> 6] |= value << shift;
        if (shift + bits > 64) {
            words[(offset >>> 6) + 1] |= value >>> (64 - shift);
        }
    }

    /** Base-3 packing has no room for the unused code, which means 0 anyway. */
    private static int base3Code(int code) {
        return code == TernaryWeightCode.UNUSED ? TernaryWeightCode.ZERO : code;
    }
}
