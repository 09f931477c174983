package dev.tern.bitnet.tokenizer;

/** The kind of a vocabulary entry, with the codes GGUF's {@code tokenizer.ggml.token_type} uses. */
public enum TokenType {
    UNDEFINED(0),
    /** Ordinary byte-level BPE token. */
    NORMAL(1),
    UNKNOWN(2),
    /** Special token such as BOS/EOS: matched in text only when asked to, not printed by default. */
    CONTROL(3),
    /** Added token that is always matched as a whole and printed as written. */
    USER_DEFINED(4),
    UNUSED(5),
    /** A single raw byte written {@code <0xNN>} (SentencePiece vocabularies). */
    BYTE(6);

    private final int ggufCode;

    TokenType(int ggufCode) {
        this.ggufCode = ggufCode;
    }

    public int ggufCode() {
        return ggufCode;
    }

    public static TokenType fromGgufCode(int code) {
        for (TokenType t : values()) {
            if (t.ggufCode == code) {
                return t;
            }
        }
        throw new TokenizerException("unknown token type code " + code + " (GGUF tokenizer.ggml.token_type uses 0..6)");
    }

    /** Whether the entry is matched as a whole before BPE: user-defined always, control and unknown on request. */
    boolean matchedBeforeBpe(boolean parseSpecial) {
        return this == USER_DEFINED || (parseSpecial && (this == CONTROL || this == UNKNOWN));
    }
}
