package dev.tern.accel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link MatmulDriver} turns a matrix {@code M} and a vector {@code V} of one number format into the
 * SRAM words of a {@link dev.tern.accel.rtl.MatmulUnit}, and its result words back into numbers; with the
 * unit's sizes and cycle formula, everything a driver needs to know about one kind of unit.
 */
public interface WordPacking<M, V> {
    /**
     * The sizes of a unit that the driver works with.
     *
     * @param design the catalog name that starts the one-line errors, {@code ternary-matmul}, {@code int8-mac}
     */
    record UnitSize(String design, int lanes, int rows, int weightDepth, int activationDepth) {
    }

    UnitSize size();

    default String design() {
        return size().design();
    }

    default int lanes() {
        return size().lanes();
    }

    default int rows() {
        return size().rows();
    }

    default int weightDepth() {
        return size().weightDepth();
    }

    default int activationDepth() {
        return size().activationDepth();
    }

    /** The unit's cycle formula: edges of a job of {@code rowGroups x tiles} with the result stream always ready. */
    long jobCycles(long rowGroups, long tiles);

    /** Rows of {@code matrix}: the outputs. */
    int outputs(M matrix);

    /** Entries of row {@code row} of {@code matrix}. */
    int rowLength(M matrix, int row);

    /** Entries of {@code vector}. */
    int length(V vector);

    /**
     * Checks that every element is a value of the format.
     *
     * @throws AcceleratorConfigException naming the first element that is not, and where it is
     */
    void checkElements(M matrix, V vector);

    /** The weight word of rows {@code rowStart ..} and columns {@code colStart ..} of {@code matrix}, zeros past its edges. */
    BigInteger weightWord(M matrix, int rowStart, int colStart);

    /** The activation word of entries {@code start ..} of {@code vector}, zeros past its end. */
    BigInteger activationWord(V vector, int start);

    /** Row {@code row}'s result in a result word. */
    int result(BigInteger word, int row);

    /** The weight words of a matrix with {@code in} columns in stream order: row group by row group, tile by tile. */
    default List<BigInteger> weightWords(M matrix, int in) {
        List<BigInteger> words = new ArrayList<>();
        for (int g = 0; g * rows() < outputs(matrix); g++) {
            for (int t = 0; t * lanes() < in; t++) {
                words.add(weightWord(matrix, g * rows(), t * lanes()));
            }
        }
        return words;
    }

    /** The activation words of {@code vector} in stream order, tile 0 first. */
    default List<BigInteger> activationWords(V vector) {
        List<BigInteger> words = new ArrayList<>();
        for (int t = 0; t * lanes() < length(vector); t++) {
            words.add(activationWord(vector, t * lanes()));
        }
        return words;
    }

    /**
     * Checks that {@code matrix . vector} is a matmul the unit can run: at least one row and one column, every row
     * as long as the vector, within the SRAMs, every element of the format.
     *
     * @throws AcceleratorConfigException naming the shape and the limit it breaks
     */
    default void checkFits(M matrix, V vector) {
        int out = outputs(matrix);
        int in = length(vector);
        if (out == 0 || in == 0) {
            throw new AcceleratorConfigException(design() + ": a matmul needs at least one row and one column, got " + out + " x " + in);
        }
        for (int o = 0; o < out; o++) {
            if (rowLength(matrix, o) != in) {
                throw new AcceleratorConfigException(design() + ": weight row " + o + " has " + rowLength(matrix, o)
                        + " entries, the activation vector " + in);
            }
        }
        int tiles = (in + lanes() - 1) / lanes();
        int groups = (out + rows() - 1) / rows();
        if (tiles > activationDepth()) {
            throw new AcceleratorConfigException(design() + ": in = " + in + " needs " + tiles + " activation words, activation-depth is "
                    + activationDepth());
        }
        if ((long) groups * tiles > weightDepth()) {
            throw new AcceleratorConfigException(design() + ": a " + out + " x " + in + " matrix needs " + (long) groups * tiles
                    + " weight words, weight-depth is " + weightDepth());
        }
        checkElements(matrix, vector);
    }
}
