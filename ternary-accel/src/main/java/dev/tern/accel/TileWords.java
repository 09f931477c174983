package dev.tern.accel;

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
        BigInteger word = BigInteger.ZERO;
        for (int r = 0; r < config.rows(); r++) {
            int[] rowCodes = new int[config.lanes()];
            for (int i = 0; i < config.lanes(); i++) {
                boolean inside = rowStart + r < codes.length && colStart + i < codes[rowStart + r].length;
                rowCodes[i] = inside ? codes[rowStart + r][colStart + i] : TernaryWeightCode.ZERO;
            }
            word = word.or(packRow(config.encoding(), rowCodes).shiftLeft(r * rowBits));
        }
        return word;
    }

    private static BigInteger packRow(WeightEncoding encoding, int[] rowCodes) {
        BigInteger packed = BigInteger.ZERO;
        if (encoding == WeightEncoding.TWO_BIT) {
            for (int i = 0; i < rowCodes.length; i++) {
                packed = packed.or(BigInteger.valueOf(rowCodes[i]).shiftLeft(TernaryWeightCode.BITS * i));
            }
            return packed;
        }
        for (int b = 0; b * Base3Codec.TRITS_PER_BYTE < rowCodes.length; b++) {
            int[] group = new int[Base3Codec.TRITS_PER_BYTE];
            for (int n = 0; n < group.length; n++) {
                int lane = b * Base3Codec.TRITS_PER_BYTE + n;
                group[n] = lane < rowCodes.length ? base3Code(rowCodes[lane]) : TernaryWeightCode.ZERO;
            }
            packed = packed.or(BigInteger.valueOf(Base3Codec.encode(group)).shiftLeft(8 * b));
        }
        return packed;
    }

    /** Base-3 packing has no room for the unused code, which means 0 anyway. */
    private static int base3Code(int code) {
        return code == TernaryWeightCode.UNUSED ? TernaryWeightCode.ZERO : code;
    }
}
