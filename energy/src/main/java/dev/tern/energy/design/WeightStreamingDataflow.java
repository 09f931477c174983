package dev.tern.energy.design;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.workload.MatmulShape;

/**
 * The memory traffic of one matmul at batch 1, the same for every design; only the widths differ.
 *
 * <ul>
 *   <li>Weights travel and are stored in words of one tile of one row group: {@code rows x
 *       weightBitsPerTile} bits, {@code rowGroups x tiles} of them; the idle rows of the last row
 *       group are padded with zero weights. Each word is read once from DRAM per token, written once
 *       into the weight SRAM and read once.</li>
 *   <li>The input vector is written once into the activation SRAM ({@code tiles} words of
 *       {@code lanes x activationBits}); each row group reads every tile once and latches it in
 *       the activation register, which feeds all rows of the group.</li>
 *   <li>Each row group's results are written once into the output memory as one word of
 *       {@code rows x outputBits}, and read out of it once.</li>
 * </ul>
 */
public final class WeightStreamingDataflow {

    /** The names of the three on-chip memories in {@code ActionCounts}, for counts measured elsewhere too. */
    public static final String WEIGHTS = "weights";
    public static final String ACTIVATIONS = "activations";
    public static final String OUTPUTS = "outputs";

    private WeightStreamingDataflow() {
    }

    static ActionCounts.Builder traffic(ArrayConfig config, MatmulShape shape, long weightBitsPerTile,
            int activationBits, int outputBits) {
        long tiles = config.tiles(shape);
        long rowGroups = config.rowGroups(shape);
        long tileReads = Math.multiplyExact(rowGroups, tiles);
        long weightWordBits = Math.multiplyExact(config.rows(), weightBitsPerTile);
        long activationWordBits = (long) config.lanes() * activationBits;
        long outputWordBits = (long) config.rows() * outputBits;
        return ActionCounts.builder()
                .dramReadBits(Math.multiplyExact(tileReads, weightWordBits))
                .sramWrite(WEIGHTS, config.weightSramBytes(), tileReads, weightWordBits)
                .sramRead(WEIGHTS, config.weightSramBytes(), tileReads, weightWordBits)
                .sramWrite(ACTIVATIONS, config.activationSramBytes(), tiles, activationWordBits)
                .sramRead(ACTIVATIONS, config.activationSramBytes(), tileReads, activationWordBits)
                .registerBits(Math.multiplyExact(tileReads, activationWordBits))
                .sramWrite(OUTPUTS, config.outputSramBytes(), rowGroups, outputWordBits)
                .sramRead(OUTPUTS, config.outputSramBytes(), rowGroups, outputWordBits);
    }
}
