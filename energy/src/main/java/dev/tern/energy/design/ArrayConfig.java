package dev.tern.energy.design;

import dev.tern.energy.EnergyModelException;
import dev.tern.energy.workload.MatmulShape;

/**
 * The geometry every compared design shares, so that they have equal throughput: {@code rows}
 * output rows are computed at once, each over a tile of {@code lanes} inputs per cycle
 * ({@code lanes x rows} weights per cycle), with three on-chip memories of the given capacities.
 */
public record ArrayConfig(int lanes, int rows, long weightSramBytes, long activationSramBytes, long outputSramBytes) {

    public static final int DEFAULT_LANES = 64;
    public static final int DEFAULT_ROWS = 1;
    public static final long DEFAULT_SRAM_BYTES = 32 * 1024;

    public ArrayConfig {
        if (lanes < 2 || Integer.bitCount(lanes) != 1) {
            throw new EnergyModelException("accelerator lanes must be a power of two of at least 2, found " + lanes);
        }
        if (rows < 1) {
            throw new EnergyModelException("accelerator rows must be at least 1, found " + rows);
        }
        if (weightSramBytes <= 0 || activationSramBytes <= 0 || outputSramBytes <= 0) {
            throw new EnergyModelException("SRAM capacities must be positive");
        }
    }

    public static ArrayConfig defaults() {
        return new ArrayConfig(DEFAULT_LANES, DEFAULT_ROWS, DEFAULT_SRAM_BYTES, DEFAULT_SRAM_BYTES, DEFAULT_SRAM_BYTES);
    }

    public ArrayConfig withLanes(int newLanes) {
        return new ArrayConfig(newLanes, rows, weightSramBytes, activationSramBytes, outputSramBytes);
    }

    /** Tiles of {@code lanes} inputs covering one row; the last may be padded. */
    public long tiles(MatmulShape shape) {
        return ceilDiv(shape.in(), lanes);
    }

    /** Groups of {@code rows} output rows; in the last, rows past {@code out} are idle. */
    public long rowGroups(MatmulShape shape) {
        return ceilDiv(shape.out(), rows);
    }

    /** log2(lanes): the depth of an adder tree over the lanes. */
    public int treeLevels() {
        return Integer.numberOfTrailingZeros(lanes);
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
