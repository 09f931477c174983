package dev.tern.bitnet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.bitnet.codec.ScaleConvention;
import java.util.Locale;

/**
 * How Hugging Face checkpoints of microsoft/bitnet-b1.58-2B-4T lay a model out: {@code config.json} keys and
 * tensor names ({@code BitNetForCausalLM}, packed U8 weights with a {@code weight_scale} each). The loader and
 * the writer both use it.
 */
public final class HfBitNetSchema {
    public static final String CONFIG_FILE = "config.json";
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String EMBEDDING = "model.embed_tokens.weight";
    public static final String OUTPUT_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";
    /** transformers' class whose {@code weight_scale} multiplies ({@link ScaleConvention#MULTIPLIES}). */
    public static final String AUTO_BIT_LINEAR = "autobitlinear";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float DEFAULT_ROPE_THETA = 10_000f;

    private HfBitNetSchema() {
    }

    public static String projectionWeight(int layer, Projection p) {
        return projectionPrefix(layer, p) + ".weight";
    }

    public static String projectionScale(int layer, Projection p) {
        return projectionPrefix(layer, p) + ".weight_scale";
    }

    private static String projectionPrefix(int layer, Projection p) {
        String module = switch (p) {
            case Q, K, V, O -> "self_attn." + p.name().toLowerCase(Locale.ROOT) + "_proj";
            case GATE, UP, DOWN -> "mlp." + p.name().toLowerCase(Locale.ROOT) + "_proj";
        };
        return "model.layers." + layer + "." + module;
    }

    public static String norm(int layer, LayerNorm n) {
        String module = switch (n) {
            case ATTN -> "input_layernorm";
            case ATTN_SUB -> "self_attn.attn_sub_norm";
            case FFN -> "post_attention_layernorm";
            case FFN_SUB -> "mlp.ffn_sub_norm";
        };
        return "model.layers." + layer + "." + module + ".weight";
    }

    /**
     * The config of a {@code config.json}; {@code subNorms} comes from the checkpoint's tensors. Problems are
     * {@link IllegalArgumentException}s naming the key, for the loader to place in its file.
     */
    public static BitNetConfig parseConfig(JsonNode json, boolean subNorms) {
        int hidden = requiredInt(json, "hidden_size");
        int heads = requiredInt(json, "num_attention_heads");
        int headDim = json.has("head_dim") ? requiredInt(json, "head_dim") : hidden / Math.max(1, heads);
        String act = json.path("hidden_act").asText("relu2");
        FfnActivation activation = switch (act) {
            case "relu2" -> FfnActivation.RELU2;
            case "silu" -> FfnActivation.SWIGLU;
            default -> throw new IllegalArgumentException("key 'hidden_act': '" + act + "' is not relu2 or silu");
        };
        return new BitNetConfig(hidden, requiredInt(json, "intermediate_size"),
                requiredInt(json, "num_hidden_layers"), heads,
                json.has("num_key_value_heads") ? requiredInt(json, "num_key_value_heads") : heads, headDim,
                requiredInt(json, "vocab_size"), requiredInt(json, "max_position_embeddings"),
                json.has("rope_theta") ? (float) json.get("rope_theta").asDouble() : DEFAULT_ROPE_THETA,
                (float) requiredNumber(json, "rms_norm_eps"), activation, subNorms,
                json.path("tie_word_embeddings").asBoolean(false), RopeStyle.NEOX);
    }

    /** How the checkpoint's {@code weight_scale} relates to gamma, from {@code quantization_config}. */
    public static ScaleConvention scaleConvention(JsonNode json) {
        JsonNode q = json.path("quantization_config");
        if (!"bitnet".equals(q.path("quant_method").asText())) {
            throw new IllegalArgumentException("key 'quantization_config.quant_method': expected 'bitnet', found '"
                    + q.path("quant_method").asText() + "'");
        }
        String mode = q.path("quantization_mode").asText("offline");
        if (!mode.equals("offline")) {
            throw new IllegalArgumentException("key 'quantization_config.quantization_mode': '" + mode
                    + "' checkpoints hold full-precision weights; only 'offline' (ternary) ones are read");
        }
        return ScaleConvention.ofLinearClass(q.has("linear_class") ? q.get("linear_class").asText() : null);
    }

    /** A {@code config.json} for {@code config}, as bitnet-b1.58-2B-4T's, with AutoBitLinear's convention. */
    public static ObjectNode configJson(BitNetConfig c, int bosId, int eosId) {
        if (c.ropeStyle() != RopeStyle.NEOX) {
            throw new IllegalArgumentException("Hugging Face BitNet rotates NEOX-style; a model with "
                    + c.ropeStyle() + " RoPE cannot be written as a checkpoint");
        }
        ObjectNode json = JSON.createObjectNode();
        json.putArray("architectures").add("BitNetForCausalLM");
        json.put("model_type", "bitnet");
        json.put("hidden_size", c.hidden());
        json.put("intermediate_size", c.intermediate());
        json.put("num_hidden_layers", c.layers());
        json.put("num_attention_heads", c.heads());
        json.put("num_key_value_heads", c.kvHeads());
        json.put("head_dim", c.headDim());
        json.put("vocab_size", c.vocab());
        json.put("max_position_embeddings", c.context());
        json.put("rope_theta", c.ropeTheta());
        json.put("rms_norm_eps", c.rmsEps());
        json.put("hidden_act", c.activation() == FfnActivation.RELU2 ? "relu2" : "silu");
        json.put("tie_word_embeddings", c.tiedEmbeddings());
        if (bosId >= 0) {
            json.put("bos_token_id", bosId);
        }
        if (eosId >= 0) {
            json.put("eos_token_id", eosId);
        }
        json.put("torch_dtype", "bfloat16");
        ObjectNode q = json.putObject("quantization_config");
        q.put("quant_method", "bitnet");
        q.put("linear_class", AUTO_BIT_LINEAR);
        q.put("quantization_mode", "offline");
        return json;
    }

    private static int requiredInt(JsonNode json, String key) {
        JsonNode v = json.get(key);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("key '" + key + "': expected an integer, found " + v);
        }
        return v.asInt();
    }

    private static double requiredNumber(JsonNode json, String key) {
        JsonNode v = json.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("key '" + key + "': expected a number, found " + v);
        }
        return v.asDouble();
    }
}
