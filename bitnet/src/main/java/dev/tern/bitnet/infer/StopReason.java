package dev.tern.bitnet.infer;

/** Why a generation ended. */
public enum StopReason {
    /** The model produced its end-of-sequence token. */
    EOS,
    /** The requested number of new tokens was reached. */
    MAX_TOKENS,
    /** The model's context (or the KV cache) is full. */
    CONTEXT_FULL
}
