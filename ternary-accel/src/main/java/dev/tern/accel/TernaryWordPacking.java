package dev.tern.accel;

import dev.tern.accel.rtl.TernaryMatmulUnit;

import java.math.BigInteger;

/**
 * The words of a {@link TernaryMatmulUnit}: matrices of {@link TernaryWeightCode}s (out x in) packed as
 * {@link TileWords} describes, INT8 vectors, INT32 results (row {@code r} in bits {@code 32r+31..32r}).
 */
public record TernaryWordPacking(AcceleratorConfig config) implements WordPacking<byte[][], byte[]> {
    @Override
    public UnitSize size() {
        return new UnitSize(AcceleratorConfig.DESIGN, config.lanes(), config.rows(), config.weightDepth(), config.activationDepth());
    }

    @Override
    public long jobCycles(long rowGroups, long tiles) {
        return TernaryMatmulUnit.jobCycles(config, rowGroups, tiles);
    }

    @Override
    public int outputs(byte[][] codes) {
        return codes.length;
    }

    @Override
    public int rowLength(byte[][] codes, int row) {
        return codes[row].length;
    }

    @Override
    public int length(byte[] x) {
        return x.length;
    }

    /** Every byte is an INT8 activation; a weight must be a 2-bit code, or packing it would spill into its neighbours. */
    @Override
    public void checkElements(byte[][] codes, byte[] x) {
        for (int o = 0; o < codes.length; o++) {
            for (int i = 0; i < codes[o].length; i++) {
                if (codes[o][i] < 0 || codes[o][i] > TernaryWeightCode.UNUSED) {
                    throw new AcceleratorConfigException(design() + ": weight code [" + o + "][" + i + "] = " + codes[o][i]
                            + " is outside the 2-bit codes 0.." + TernaryWeightCode.UNUSED);
                }
            }
        }
    }

    @Override
    public BigInteger weightWord(byte[][] codes, int rowStart, int colStart) {
        return TileWords.weights(config, codes, rowStart, colStart);
    }

    @Override
    public BigInteger activationWord(byte[] x, int start) {
        return TileWords.activations(x, start, config.lanes());
    }

    @Override
    public int result(BigInteger word, int row) {
        return word.shiftRight(32 * row).intValue();
    }
}
