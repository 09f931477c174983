package dev.tern.energy.design;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.workload.MatmulShape;

/**
 * The memory traffic of one matmul at batch 1, the same for every design; only the widths differ.
 *
 * <ul>
 *   <li>Weights are read once from DRAM per token, tile-aligned: {@code out x tiles} tiles of
 *       {@code weightBitsPerTile}. Each tile is written once into the weight SRAM and read once.</li>
 *   <li>The input vector is written once into the activation SRAM ({@code tiles} words of
 *       {@code lanes x activationBits}); each row group reads every tile once and latches it in
 *       the activation register, which feeds all rows of the group.</li>
 *   <li>Each output row's final accumulator value is written once into the output SRAM.</li>
 * </ul>
 */
final class WeightStreamingDataflow {

    static final String WEIGHTS = "weights";
    static final String ACTIVATIONS = "activations";
    static final String OUTPUTS = "outputs";

    private WeightStreamingDataflow() {
    }

    static ActionCounts.Builder traffic(ArrayConfig config, MatmulShape shape, long weightBitsPerTile,
            int activationBits, int outputBits) {
        long tiles = config.tiles(shape);
        long weightTiles = Math.multiplyExact(shape.out(), tiles);
        long tileReads = Math.multiplyExact(config.rowGroups(shape), tiles);
        long activationWordBits = (long) config.lanes() * activationBits;
        return ActionCounts.builder()
                .dramReadBits(Math.multiplyExact(weightTiles, weightBitsPerTile))
                .sramWrite(WEIGHTS, config.weightSramBytes(), weightTiles, weightBitsPerTile)
                .sramRead(WEIGHTS, config.weightSramBytes(), weightTiles, weightBitsPerTile)
                .sramWrite(ACTIVATIONS, config.activationSramBytes(), tiles, activationWordBits)
                .sramRead(ACTIVATIONS, config.activationSramBytes(), tileReads, activationWordBits)
                .registerBits(Math.multiplyExact(tileReads, activationWordBits))
                .sramWrite(OUTPUTS, config.outputSramBytes(), shape.out(), outputBits);
    }
}
