package dev.tern.accel.baseline;

import dev.tern.accel.AcceleratorConfigException;
import dev.tern.accel.WordPacking;

import java.math.BigInteger;

/**
 * The words of a {@link MacArrayUnit}: matrices and vectors of INT8 values (-128..127) or half-precision bit
 * patterns (0..0xffff), packed as {@link MacWords} describes, results as {@link MacWords#result} reads them.
 */
public record MacWordPacking(MacArrayConfig config) implements WordPacking<int[][], int[]> {
    @Override
    public UnitSize size() {
        return new UnitSize(config.precision().design(), config.lanes(), config.rows(), config.weightDepth(),
                config.activationDepth());
    }

    @Override
    public long jobCycles(long rowGroups, long tiles) {
        return MacArrayUnit.jobCycles(config, rowGroups, tiles);
    }

    @Override
    public int outputs(int[][] weights) {
        return weights.length;
    }

    @Override
    public int rowLength(int[][] weights, int row) {
        return weights[row].length;
    }

    @Override
    public int length(int[] x) {
        return x.length;
    }

    @Override
    public void checkElements(int[][] weights, int[] x) {
        for (int o = 0; o < weights.length; o++) {
            for (int i = 0; i < weights[o].length; i++) {
                checkElement("weight [" + o + "][" + i + "]", weights[o][i]);
            }
        }
        for (int i = 0; i < x.length; i++) {
            checkElement("activation [" + i + "]", x[i]);
        }
    }

    private void checkElement(String where, int value) {
        boolean int8 = config.precision() == MacPrecision.INT8;
        int min = int8 ? Byte.MIN_VALUE : 0;
        int max = int8 ? Byte.MAX_VALUE : 0xffff;
        if (value < min || value > max) {
            throw new AcceleratorConfigException(design() + ": " + where + " = " + value + " is outside "
                    + (int8 ? "the INT8 range -128..127" : "the FP16 bit patterns 0..0xffff"));
        }
    }

    @Override
    public BigInteger weightWord(int[][] weights, int rowStart, int colStart) {
        return MacWords.weights(config, weights, rowStart, colStart);
    }

    @Override
    public BigInteger activationWord(int[] x, int start) {
        return MacWords.activations(config, x, start);
    }

    @Override
    public int result(BigInteger word, int row) {
        return MacWords.result(config, word, row);
    }
}
