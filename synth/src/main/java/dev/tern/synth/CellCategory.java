package dev.tern.synth;

/** The kinds of primitive cell a synthesis report counts. */
public enum CellCategory {
    LUT("luts", "LUTs"),
    FLIP_FLOP("flip_flops", "flip-flops"),
    CARRY("carry_cells", "carry cells"),
    BLOCK_RAM("block_rams", "block RAMs"),
    DSP("dsps", "DSPs"),
    /** Generic gates ({@code $_AND_}, {@code $_MUX_}, ...): what technology-independent {@code synth} maps logic to. */
    LOGIC_GATE("logic_gates", "logic gates"),
    /** Anything else: I/O buffers, wide multiplexers, LUT RAMs; listed by type in the JSON. */
    OTHER("other_cells", "other cells");

    private final String key;
    private final String label;

    CellCategory(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name in JSON and CSV, e.g. {@code flip_flops}. */
    public String key() {
        return key;
    }

    /** The name in text reports, e.g. {@code flip-flops}. */
    public String label() {
        return label;
    }
}
