package dev.tern.bitnet.model;

/** The RMSNorm weight vectors of a transformer block, with the sizes a config gives them. */
public enum LayerNorm {
    ATTN, ATTN_SUB, FFN, FFN_SUB;

    public int size(BitNetConfig c) {
        return switch (this) {
            case ATTN, FFN -> c.hidden();
            case ATTN_SUB -> c.queryDim();
            case FFN_SUB -> c.intermediate();
        };
    }

    /** Whether a model with this config has the norm at all. */
    public boolean presentIn(BitNetConfig c) {
        return c.subNorms() || (this != ATTN_SUB && this != FFN_SUB);
    }
}
