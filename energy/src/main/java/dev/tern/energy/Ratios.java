package dev.tern.energy;

/**
 * How many times less energy the ternary design takes than one baseline, four ways.
 *
 * @param treeArithmetic arithmetic of the BitLinear layers with the adder tree as built (wider
 *                       adds cost more, plus decode and accumulator)
 * @param bitLinearEndToEnd BitLinear layers with registers, SRAM and DRAM
 * @param wholeTokenEndToEnd the whole token: BitLinear layers plus the full-precision work
 * @param wholeTokenArithmetic the whole token, arithmetic only (the accounting closest to the
 *                             paper's end-to-end figures)
 */
public record Ratios(String baseline, double treeArithmetic, double bitLinearEndToEnd, double wholeTokenEndToEnd,
        double wholeTokenArithmetic) {

    static Ratios of(DesignEnergy ternary, DesignEnergy baseline) {
        return new Ratios(baseline.id(),
                baseline.bitLinearPerToken().arithmetic() / ternary.bitLinearPerToken().arithmetic(),
                baseline.bitLinearPerToken().total() / ternary.bitLinearPerToken().total(),
                baseline.perToken().total() / ternary.perToken().total(),
                baseline.perToken().arithmetic() / ternary.perToken().arithmetic());
    }
}
