package dev.tern.energy.report;

/** Why our end-to-end ratios differ from the BitNet paper's, said once for every report. */
final class PaperComparison {

    static final String WHY_THEY_DIFFER = "The paper's end-to-end figures (18.6x at 1.3B to 41.2x at 70B) count"
            + " arithmetic energy only, so they grow with model size as the matmuls swamp everything else; ours"
            + " also charge every weight bit moved from DRAM and through SRAM, which at batch 1 dominates and"
            + " holds the ratio near the weight-width ratio (16 bits against 2, or 1.6)."
            + " Our arithmetic-only column is lower than the paper's too, because it counts the adder tree at its"
            + " real widths and the FP16 attention over the whole context.";

    private PaperComparison() {
    }
}
