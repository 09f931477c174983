package dev.tern.accel;

/**
 * Five ternary weights in one byte, in the byte format of GGUF's TQ1_0: the codes
 * ({@link TernaryWeightCode}) of weights 0..4 form the base-3 number {@code v} with weight 0 most
 * significant, and the byte stores {@code ceil(v * 256 / 243)}. Code {@code n} then comes out as
 * {@code ((byte * 3^n mod 256) * 3) >> 8}: multiplications by 3 only, which in hardware are a shift
 * and an add ({@link dev.tern.accel.rtl.Base3Decoder} does exactly that).
 */
public final class Base3Codec {
    public static final int TRITS_PER_BYTE = 5;

    private Base3Codec() {
    }

    /** The byte (0..255) holding the five codes, code 0 first; each code is 0..2. */
    public static int encode(int[] codes) {
        if (codes.length != TRITS_PER_BYTE) {
            throw new IllegalArgumentException("a base-3 byte holds " + TRITS_PER_BYTE + " codes, got " + codes.length);
        }
        int v = 0;
        for (int code : codes) {
            if (code < 0 || code > TernaryWeightCode.PLUS_ONE) {
                throw new IllegalArgumentException("base-3 packing holds codes 0..2, got " + code);
            }
            v = v * 3 + code;
        }
        return (v * 256 + 242) / 243;
    }

    /** Code {@code n} (0..4) of a packed byte. */
    public static int decode(int packed, int n) {
        if (packed < 0 || packed > 255 || n < 0 || n >= TRITS_PER_BYTE) {
            throw new IllegalArgumentException("base-3 byte " + packed + ", code " + n + " is outside 0..255, 0..4");
        }
        int q = packed;
        for (int i = 0; i < n; i++) {
            q = (q * 3) & 0xFF;
        }
        return (q * 3) >> 8;
    }
}
