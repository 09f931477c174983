package dev.tern.bitnet.model;

/**
 * Which dimensions of a head rotary position embedding rotates together. Both use the frequency
 * {@code theta^(-2i/headDim)} for pair {@code i}; they differ only in where the pair's two members sit.
 */
public enum RopeStyle {
    /**
     * Dimension {@code i} pairs with {@code i + headDim/2} (GPT-NeoX, Hugging Face {@code rotate_half}, llama.cpp's
     * {@code bitnet} architectures, which keep the Hugging Face projection rows unpermuted).
     */
    NEOX,
    /** Dimension {@code 2i} pairs with {@code 2i + 1} (the original LLaMA layout, llama.cpp's {@code llama} rope type). */
    ADJACENT_PAIRS;

    /** The index of the first member of pair {@code i} in a head of {@code headDim} values. */
    public int first(int pair, int headDim) {
        return this == NEOX ? pair : 2 * pair;
    }

    /** The index of the second member of pair {@code i}. */
    public int second(int pair, int headDim) {
        return this == NEOX ? pair + headDim / 2 : 2 * pair + 1;
    }
}
