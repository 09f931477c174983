package dev.tern.accel;

/**
 * The shape of one ternary matmul accelerator.
 *
 * @param lanes           activations (and weights per row) consumed per cycle: the width of one dot
 *                        product, a power of two from {@value #MIN_LANES} to {@value #MAX_LANES}
 * @param rows            output rows computed in parallel, each with its own adder tree and accumulator, 1 to
 *                        {@value #MAX_ROWS} (a result word of {@code 32 * rows} bits fits the result FIFO, and
 *                        the widest weight word, {@code 2 * MAX_LANES * MAX_ROWS} bits, one signal)
 * @param pipelineEvery   a register after every this many adder-tree levels (1..log2(lanes))
 * @param encoding        how weights are packed in the weight SRAM
 * @param weightDepth     words of the weight SRAM, one word = the codes of {@code rows x lanes} weights;
 *                        a power of two
 * @param activationDepth words of the activation SRAM, one word = {@code lanes} INT8 activations; a power of two
 */
public record AcceleratorConfig(int lanes, int rows, int pipelineEvery, WeightEncoding encoding, int weightDepth,
                                int activationDepth) {
    public static final String DESIGN = "ternary-matmul";
    public static final int MIN_LANES = 16;
    public static final int MAX_LANES = 1024;
    public static final int MAX_ROWS = 32;
    public static final int MIN_DEPTH = 2;
    public static final int MAX_DEPTH = 1 << 16;

    public AcceleratorConfig {
        if (lanes < MIN_LANES || lanes > MAX_LANES || Integer.bitCount(lanes) != 1) {
            throw broken("lanes must be a power of two from " + MIN_LANES + " to " + MAX_LANES + ", got " + lanes);
        }
        if (rows < 1 || rows > MAX_ROWS) {
            throw broken("rows must be from 1 to " + MAX_ROWS + ", got " + rows);
        }
        int levels = Integer.numberOfTrailingZeros(lanes);
        if (pipelineEvery < 1 || pipelineEvery > levels) {
            throw broken("pipeline (adder-tree levels per register) must be from 1 to " + levels + " for " + lanes
                    + " lanes, got " + pipelineEvery);
        }
        if (encoding == null) {
            throw broken("encoding must be given");
        }
        checkDepth("weight-depth", weightDepth);
        checkDepth("activation-depth", activationDepth);
    }

    /** Levels of each adder tree: log2(lanes). */
    public int treeLevels() {
        return Integer.numberOfTrailingZeros(lanes);
    }

    /** Bits of one weight SRAM word: the packed codes of {@code rows x lanes} weights. */
    public int weightWordBits() {
        return rows * encoding.bitsFor(lanes);
    }

    /** Bits of one activation SRAM word: {@code lanes} INT8 activations. */
    public int activationWordBits() {
        return 8 * lanes;
    }

    private static void checkDepth(String name, int depth) {
        if (depth < MIN_DEPTH || depth > MAX_DEPTH || Integer.bitCount(depth) != 1) {
            throw broken(name + " must be a power of two from " + MIN_DEPTH + " to " + MAX_DEPTH + ", got " + depth);
        }
    }

    private static AcceleratorConfigException broken(String what) {
        return new AcceleratorConfigException(DESIGN + ": " + what);
    }
}
