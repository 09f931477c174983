package dev.tern.accel.baseline;

/** The number format of a MAC baseline: its operands, its results and its catalog name. */
public enum MacPrecision {
    /** INT8 weights and activations, exact products, INT32 accumulators that wrap. */
    INT8("int8-mac", 8, 32),
    /** IEEE half-precision weights, activations, products, sums and accumulators, each rounded to nearest even. */
    FP16("fp16-mac", 16, 16);

    private final String design;
    private final int elementBits;
    private final int resultBits;

    MacPrecision(String design, int elementBits, int resultBits) {
        this.design = design;
        this.elementBits = elementBits;
        this.resultBits = resultBits;
    }

    /** The catalog name, {@code tern generate <design>}. */
    public String design() {
        return design;
    }

    /** Bits of one weight or activation. */
    public int elementBits() {
        return elementBits;
    }

    /** Bits of one output row's result. */
    public int resultBits() {
        return resultBits;
    }
}
