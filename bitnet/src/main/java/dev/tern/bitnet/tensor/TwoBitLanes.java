package dev.tern.bitnet.tensor;

/**
 * Moves between 32 two-bit codes in a 64-bit word (code {@code j} at bits {@code 2j, 2j + 1}) and 32-bit masks
 * with one bit per code, so that {@link PackedTernaryMatrix} converts 32 weights at a time instead of one.
 */
final class TwoBitLanes {
    /** The low bit of every 2-bit lane. */
    static final long LOW_BITS = 0x5555_5555_5555_5555L;
    /** ZERO codes ({@code 01}) in every lane. */
    static final long ZERO_CODES = LOW_BITS;

    private TwoBitLanes() {
    }

    /** Bit {@code 2j} of {@code evenBits} (whose odd bits must be clear) becomes bit {@code j} of the result. */
    static int compress(long evenBits) {
        long x = evenBits;
        x = (x | x >>> 1) & 0x3333_3333_3333_3333L;
        x = (x | x >>> 2) & 0x0F0F_0F0F_0F0F_0F0FL;
        x = (x | x >>> 4) & 0x00FF_00FF_00FF_00FFL;
        x = (x | x >>> 8) & 0x0000_FFFF_0000_FFFFL;
        return (int) (x | x >>> 16);
    }

    /** The inverse of {@link #compress}: bit {@code j} of {@code mask} becomes bit {@code 2j}. */
    static long spread(int mask) {
        long x = mask & 0xFFFF_FFFFL;
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFFL;
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FFL;
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0FL;
        x = (x | x << 2) & 0x3333_3333_3333_3333L;
        return (x | x << 1) & LOW_BITS;
    }
}
