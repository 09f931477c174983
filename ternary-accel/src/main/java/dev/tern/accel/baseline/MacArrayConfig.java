package dev.tern.accel.baseline;

import dev.tern.accel.AcceleratorConfigException;

/**
 * The shape of one MAC baseline, matching a ternary accelerator's: {@code lanes} multiply-accumulates per
 * output row and cycle, {@code rows} rows in parallel, and the same SRAM depths.
 *
 * @param precision       INT8 or FP16 operands
 * @param lanes           weights and activations multiplied per row and cycle, a power of two from
 *                        {@value #MIN_LANES} to {@value #MAX_LANES}
 * @param rows            output rows in parallel, 1 to {@value #MAX_ROWS}
 * @param weightDepth     words of each weight SRAM bank, one word = {@code rows x lanes} weights; a power of two
 * @param activationDepth words of each activation SRAM bank, one word = {@code lanes} activations; a power of two
 */
public record MacArrayConfig(MacPrecision precision, int lanes, int rows, int weightDepth, int activationDepth) {
    public static final int MIN_LANES = 2;
    public static final int MAX_LANES = 1024;
    public static final int MAX_ROWS = 32;
    public static final int MIN_DEPTH = 2;
    public static final int MAX_DEPTH = 1 << 16;

    public MacArrayConfig {
        if (precision == null) {
            throw new AcceleratorConfigException("MAC array: precision must be given");
        }
        if (lanes < MIN_LANES || lanes > MAX_LANES || Integer.bitCount(lanes) != 1) {
            throw broken(precision, "lanes must be a power of two from " + MIN_LANES + " to " + MAX_LANES + ", got " + lanes);
        }
        if (rows < 1 || rows > MAX_ROWS) {
            throw broken(precision, "rows must be from 1 to " + MAX_ROWS + ", got " + rows);
        }
        checkDepth(precision, "weight-depth", weightDepth);
        checkDepth(precision, "activation-depth", activationDepth);
    }

    /** Levels of each row's adder tree: log2(lanes). */
    public int treeLevels() {
        return Integer.numberOfTrailingZeros(lanes);
    }

    /** Bits of one row's weights in a weight word: {@code lanes} elements. */
    public int rowBits() {
        return lanes * precision.elementBits();
    }

    public int weightWordBits() {
        return rows * rowBits();
    }

    public int activationWordBits() {
        return lanes * precision.elementBits();
    }

    public int resultWordBits() {
        return rows * precision.resultBits();
    }

    private static void checkDepth(MacPrecision precision, String name, int depth) {
        if (depth < MIN_DEPTH || depth > MAX_DEPTH || Integer.bitCount(depth) != 1) {
            throw broken(precision, name + " must be a power of two from " + MIN_DEPTH + " to " + MAX_DEPTH + ", got " + depth);
        }
    }

    private static AcceleratorConfigException broken(MacPrecision precision, String what) {
        return new AcceleratorConfigException(precision.design() + ": " + what);
    }
}
