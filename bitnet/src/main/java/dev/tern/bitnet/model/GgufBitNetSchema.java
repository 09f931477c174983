package dev.tern.bitnet.model;

import java.util.Arrays;

/**
 * How llama.cpp's BitNet architectures lay a model out in GGUF: the architecture names, the metadata
 * keys and the tensor names. The loader and the writer both use it, so the two cannot disagree.
 */
public final class GgufBitNetSchema {
    public static final String ARCHITECTURE_KEY = "general.architecture";
    public static final String NAME_KEY = "general.name";
    public static final String TOKEN_EMBEDDING = "token_embd.weight";
    public static final String OUTPUT_NORM = "output_norm.weight";
    /** lm_head when it is not tied to the token embedding. */
    public static final String OUTPUT = "output.weight";

    /** The BitNet architectures of llama.cpp and its bitnet.cpp fork; they differ in the FFN activation. */
    public enum Architecture {
        /** llama.cpp's {@code bitnet}: the 1bitLLM-style models, SiLU-gated FFN. */
        BITNET("bitnet", FfnActivation.SWIGLU),
        /** bitnet.cpp's name for bitnet-b1.58-2B-4T: squared-ReLU-gated FFN. */
        BITNET_B158("bitnet-b1.58", FfnActivation.RELU2),
        /** The earlier bitnet.cpp name of the 2B-4T architecture. */
        BITNET_25("bitnet-25", FfnActivation.RELU2);

        private final String ggufName;
        private final FfnActivation activation;

        Architecture(String ggufName, FfnActivation activation) {
            this.ggufName = ggufName;
            this.activation = activation;
        }

        public String ggufName() {
            return ggufName;
        }

        public FfnActivation activation() {
            return activation;
        }

        /** The architecture a {@code general.architecture} value names, or null when it is not a BitNet one. */
        public static Architecture fromGgufName(String name) {
            return Arrays.stream(values()).filter(a -> a.ggufName.equals(name)).findFirst().orElse(null);
        }

        /** The architecture written for a model with this activation. */
        public static Architecture forActivation(FfnActivation activation) {
            return activation == FfnActivation.SWIGLU ? BITNET : BITNET_B158;
        }

        public static String names() {
            return String.join(", ", Arrays.stream(values()).map(Architecture::ggufName).toList());
        }
    }

    /** Architecture-prefixed hyper-parameter keys, as {@code <arch>.<suffix>}. */
    public enum Key {
        CONTEXT_LENGTH("context_length"),
        EMBEDDING_LENGTH("embedding_length"),
        BLOCK_COUNT("block_count"),
        FEED_FORWARD_LENGTH("feed_forward_length"),
        HEAD_COUNT("attention.head_count"),
        HEAD_COUNT_KV("attention.head_count_kv"),
        KEY_LENGTH("attention.key_length"),
        VALUE_LENGTH("attention.value_length"),
        RMS_EPSILON("attention.layer_norm_rms_epsilon"),
        ROPE_FREQ_BASE("rope.freq_base"),
        ROPE_DIMENSION_COUNT("rope.dimension_count"),
        VOCAB_SIZE("vocab_size");

        private final String suffix;

        Key(String suffix) {
            this.suffix = suffix;
        }

        public String of(Architecture architecture) {
            return architecture.ggufName() + "." + suffix;
        }
    }

    /** Tokenizer metadata keys. */
    public static final class Tokenizer {
        public static final String MODEL = "tokenizer.ggml.model";
        public static final String PRE = "tokenizer.ggml.pre";
        public static final String TOKENS = "tokenizer.ggml.tokens";
        public static final String TOKEN_TYPE = "tokenizer.ggml.token_type";
        public static final String MERGES = "tokenizer.ggml.merges";
        public static final String BOS_ID = "tokenizer.ggml.bos_token_id";
        public static final String EOS_ID = "tokenizer.ggml.eos_token_id";
        public static final String ADD_BOS = "tokenizer.ggml.add_bos_token";
        /** The only {@link #MODEL} this project reads: byte-level BPE. */
        public static final String BYTE_LEVEL_BPE = "gpt2";

        private Tokenizer() {
        }
    }

    private GgufBitNetSchema() {
    }

    public static String projectionWeight(int layer, Projection p) {
        return "blk." + layer + "." + projectionName(p) + ".weight";
    }

    /** The optional one-element tensor multiplying the projection's output. */
    public static String projectionScale(int layer, Projection p) {
        return "blk." + layer + "." + projectionName(p) + ".scale";
    }

    public static String norm(int layer, LayerNorm n) {
        String name = switch (n) {
            case ATTN -> "attn_norm";
            case ATTN_SUB -> "attn_sub_norm";
            case FFN -> "ffn_norm";
            case FFN_SUB -> "ffn_sub_norm";
        };
        return "blk." + layer + "." + name + ".weight";
    }

    private static String projectionName(Projection p) {
        return switch (p) {
            case Q -> "attn_q";
            case K -> "attn_k";
            case V -> "attn_v";
            case O -> "attn_output";
            case GATE -> "ffn_gate";
            case UP -> "ffn_up";
            case DOWN -> "ffn_down";
        };
    }
}
