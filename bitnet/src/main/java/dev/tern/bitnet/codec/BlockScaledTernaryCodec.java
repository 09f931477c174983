package dev.tern.bitnet.codec;

/**
 * The layout ggml's TQ1_0 and TQ2_0 share: rows are whole blocks of {@code blockWeights} weights, each
 * block {@code blockBytes} bytes holding its codes and its own fp16 scale. Subclasses say how a block's
 * bytes hold the trits.
 */
public abstract class BlockScaledTernaryCodec implements TernaryCodec {
    private final String formatName;
    private final int blockWeights;
    private final int blockBytes;

    protected BlockScaledTernaryCodec(String formatName, int blockWeights, int blockBytes) {
        this.formatName = formatName;
        this.blockWeights = blockWeights;
        this.blockBytes = blockBytes;
    }

    @Override
    public final String formatName() {
        return formatName;
    }

    @Override
    public final int columnMultiple() {
        return blockWeights;
    }

    @Override
    public final long encodedSize(int rows, int cols) {
        return (long) rows * (cols / blockWeights) * blockBytes;
    }
}
