package dev.tern.accel;

/** How ternary weights are packed in the weight SRAM and on the weight stream. */
public enum WeightEncoding {
    /** One {@link TernaryWeightCode} of 2 bits per weight. */
    TWO_BIT,
    /** Five trits per byte in base 3 (1.6 bits per weight), decoded by {@link Base3Codec}'s rule. */
    BASE3;

    /** Bits of SRAM word that hold {@code weights} weights. */
    public int bitsFor(int weights) {
        return switch (this) {
            case TWO_BIT -> TernaryWeightCode.BITS * weights;
            case BASE3 -> 8 * ((weights + Base3Codec.TRITS_PER_BYTE - 1) / Base3Codec.TRITS_PER_BYTE);
        };
    }
}
