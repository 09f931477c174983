package dev.tern.energy.report;

import dev.tern.energy.Ratios;

import java.util.function.ToDoubleFunction;

/** The ratios every report shows, with the key and the label they are shown under. */
enum RatioKind {
    BITLINEAR_END_TO_END("bitlinear_layers",
            "end-to-end, BitLinear layers (arithmetic + registers + SRAM + DRAM)", Ratios::bitLinearEndToEnd),
    WHOLE_TOKEN_END_TO_END("whole_token",
            "end-to-end, whole token (adds lm_head, attention, norms on an FP16 unit)", Ratios::wholeTokenEndToEnd),
    TREE_ARITHMETIC("tree_arithmetic",
            "arithmetic only, adder tree as built (tree-width-aware)", Ratios::treeArithmetic),
    WHOLE_TOKEN_ARITHMETIC("whole_token_arithmetic",
            "arithmetic only, whole token", Ratios::wholeTokenArithmetic);

    final String key;
    final String label;
    final ToDoubleFunction<Ratios> value;

    RatioKind(String key, String label, ToDoubleFunction<Ratios> value) {
        this.key = key;
        this.label = label;
        this.value = value;
    }

    /** The key of a baseline's ratios: {@code vs_fp16_mac}. */
    static String baselineKey(String baselineId) {
        return "vs_" + baselineId.replace('-', '_');
    }
}
