package dev.tern.bitnet.codec;

/**
 * Word-level operations on 2-bit weight codes, so that converting between layouts moves 16 codes
 * at a time instead of one. A 32-bit word holds four little-endian bytes, each four codes.
 */
final class TwoBitFields {
    /** Four bytes of ZERO codes ({@code 01} everywhere). */
    static final int ALL_ZERO_CODES = 0x55555555;

    private TwoBitFields() {
    }

    /**
     * Transposes the 4 x 4 matrix of codes in a word: the code at byte {@code t}, shift
     * {@code 2 * l} moves to byte {@code l}, shift {@code 2 * t}. The transpose is its own inverse.
     */
    static int transpose(int word) {
        // swap the off-diagonal codes inside each 2 x 2 sub-matrix, then the off-diagonal sub-matrices
        int t = ((word >>> 6) ^ word) & 0x00CC00CC;
        word ^= t ^ (t << 6);
        t = ((word >>> 12) ^ word) & 0x0000F0F0;
        word ^= t ^ (t << 12);
        return word;
    }

    /** Reverses the order of the four codes inside each byte (shift 0 swaps with 6, 2 with 4). */
    static int reverseWithinBytes(int word) {
        word = ((word >>> 2) & 0x33333333) | ((word & 0x33333333) << 2);
        return ((word >>> 4) & 0x0F0F0F0F) | ((word & 0x0F0F0F0F) << 4);
    }

    /** Whether any of the sixteen codes is 3, which encodes no trit. */
    static boolean hasInvalidCode(int word) {
        return (word & (word >>> 1) & ALL_ZERO_CODES) != 0;
    }

    /** The 2-bit code at {@code element} of a canonical packed row (four codes per byte, low bits first). */
    static int code(byte[] packed, int rowStart, int element) {
        return (packed[rowStart + (element >>> 2)] >>> ((element & 3) << 1)) & 3;
    }

    /** Four consecutive bytes as a little-endian word. */
    static int word(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8
                | (bytes[offset + 2] & 0xFF) << 16 | (bytes[offset + 3] & 0xFF) << 24;
    }
}
