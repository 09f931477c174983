package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.Half;

/**
 * Collects the fp16 scales of a block-quantised ternary tensor (TQ1_0, TQ2_0) and checks that they
 * describe one BitNet per-tensor scale: every block holding a non-zero weight must carry the same
 * finite scale. A block of only zero weights may carry anything finite (llama.cpp writes 0 there),
 * since its scale multiplies nothing.
 */
final class UniformBlockScale {
    private final TensorLocation where;
    private final String format;
    private boolean found;
    private float scale;
    private long foundInBlock;
    private float firstBlockScale;

    UniformBlockScale(TensorLocation where, String format) {
        this.where = where;
        this.format = format;
    }

    /** Takes block {@code block}'s scale bits, found at {@code offset} bytes into the tensor. */
    void accept(long block, short halfBits, boolean hasNonZeroWeight, long offset) {
        float value = Half.toFloat(halfBits);
        if (!Float.isFinite(value)) {
            throw where.errorAt(format + " block " + block + " has a non-finite scale " + value, offset);
        }
        if (block == 0) {
            firstBlockScale = value;
        }
        if (!hasNonZeroWeight) {
            return;
        }
        if (!found) {
            found = true;
            scale = value;
            foundInBlock = block;
        } else if (value != scale) {
            throw where.errorAt(format + " block " + block + " has scale " + value + " but block " + foundInBlock
                    + " has " + scale + "; a BitNet tensor needs one scale for all blocks", offset);
        }
    }

    /** The tensor's scale: the common scale of the non-zero blocks, or block 0's when all weights are 0. */
    float scale() {
        return found ? scale : firstBlockScale;
    }
}
