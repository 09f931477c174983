package dev.tern.energy.design;

import dev.tern.energy.EnergyModelException;

import java.util.Locale;

/**
 * How ternary weights are packed. Weights are stored tile by tile (one tile of {@code lanes}
 * weights is one SRAM word), so a tile's bits are what moves from DRAM and through the weight SRAM.
 */
public enum WeightEncoding {
    /** Two bits per weight, code = trit + 1. */
    TWO_BIT("2-bit"),
    /** Five trits per byte as a base-3 number: 1.6 bits per weight when lanes is a multiple of 5. */
    BASE3("base-3");

    private final String label;

    WeightEncoding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Bits holding one tile of {@code lanes} weights: 2 per weight, or whole bytes of 5 trits. */
    public long bitsPerTile(int lanes) {
        return switch (this) {
            case TWO_BIT -> 2L * lanes;
            case BASE3 -> 8L * bytesPerTile(lanes);
        };
    }

    /** Packed bytes per tile for base-3 (the unit its decoder works on). */
    static long bytesPerTile(int lanes) {
        return ArrayConfig.ceilDiv(lanes, 5);
    }

    /** Parses {@code 2-bit}/{@code 2bit}/{@code two_bit} or {@code base-3}/{@code base3}. */
    public static WeightEncoding parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (key) {
            case "2bit", "twobit" -> TWO_BIT;
            case "base3", "1.6bit" -> BASE3;
            default -> throw new EnergyModelException(
                    "unknown weight encoding '" + text + "', expected 2-bit or base-3");
        };
    }
}
