package dev.tern.bitnet.model;

import java.util.List;
import java.util.Locale;

/**
 * The hyper-parameters of a BitNet b1.58 model.
 *
 * <p>{@code ropeTheta} and {@code rmsEps} are floats because GGUF stores them as f32: holding the
 * Hugging Face {@code config.json} values as floats too makes one model give identical logits from
 * either file format.
 *
 * @param hidden         width of the residual stream
 * @param intermediate   width of the feed-forward block
 * @param layers         number of transformer blocks
 * @param heads          query heads
 * @param kvHeads        key/value heads (grouped-query attention; divides {@code heads})
 * @param headDim        values per head (even, for RoPE)
 * @param vocab          vocabulary size (rows of the embedding and of lm_head)
 * @param context        maximum positions
 * @param ropeTheta      RoPE frequency base
 * @param rmsEps         epsilon of every RMSNorm
 * @param activation     feed-forward gate activation
 * @param subNorms       whether {@code attn_sub_norm} and {@code ffn_sub_norm} exist
 * @param tiedEmbeddings whether lm_head is the token embedding
 * @param ropeStyle      which dimensions RoPE pairs
 */
public record BitNetConfig(
        int hidden,
        int intermediate,
        int layers,
        int heads,
        int kvHeads,
        int headDim,
        int vocab,
        int context,
        float ropeTheta,
        float rmsEps,
        FfnActivation activation,
        boolean subNorms,
        boolean tiedEmbeddings,
        RopeStyle ropeStyle) {

    /** The names {@link #preset(String)} accepts. */
    public static final List<String> PRESET_NAMES = List.of("tiny", "small", "2b-shape");

    public BitNetConfig {
        requirePositive("hidden", hidden);
        requirePositive("intermediate", intermediate);
        requirePositive("layers", layers);
        requirePositive("heads", heads);
        requirePositive("kvHeads", kvHeads);
        requirePositive("headDim", headDim);
        requirePositive("vocab", vocab);
        requirePositive("context", context);
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("heads (" + heads + ") is not a multiple of kvHeads (" + kvHeads + ")");
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("headDim must be even for RoPE, got " + headDim);
        }
        if (!(ropeTheta > 0) || !Float.isFinite(ropeTheta)) {
            throw new IllegalArgumentException("ropeTheta must be a positive number, got " + ropeTheta);
        }
        if (!(rmsEps > 0) || !Float.isFinite(rmsEps)) {
            throw new IllegalArgumentException("rmsEps must be a positive number, got " + rmsEps);
        }
        if (activation == null || ropeStyle == null) {
            throw new IllegalArgumentException("activation and ropeStyle are required");
        }
        long widest = Math.max(Math.max((long) heads * headDim, intermediate), (long) vocab * hidden);
        if (widest > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape too large for one tensor: vocab " + vocab + " x hidden " + hidden);
        }
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    /** hidden 128, intermediate 384, 2 layers, 4 heads, 2 KV heads of 32, vocab 512, context 256. */
    public static BitNetConfig tiny() {
        return like2B4T(128, 384, 2, 4, 2, 32, 512, 256, 10_000f);
    }

    /** hidden 512, intermediate 1536, 4 layers, 8 heads, 4 KV heads of 64, vocab 2048, context 512. */
    public static BitNetConfig small() {
        return like2B4T(512, 1536, 4, 8, 4, 64, 2048, 512, 10_000f);
    }

    /** Exactly the shapes of microsoft/bitnet-b1.58-2B-4T. */
    public static BitNetConfig twoBShape() {
        return like2B4T(2560, 6912, 30, 20, 5, 128, 128_256, 4096, 500_000f);
    }

    private static BitNetConfig like2B4T(int hidden, int intermediate, int layers, int heads, int kvHeads,
            int headDim, int vocab, int context, float ropeTheta) {
        return new BitNetConfig(hidden, intermediate, layers, heads, kvHeads, headDim, vocab, context, ropeTheta,
                1e-5f, FfnActivation.RELU2, true, true, RopeStyle.NEOX);
    }

    /** One of {@link #PRESET_NAMES}. */
    public static BitNetConfig preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> tiny();
            case "small" -> small();
            case "2b-shape" -> twoBShape();
            default -> throw new IllegalArgumentException(
                    "unknown model preset '" + name + "'; known presets: " + String.join(", ", PRESET_NAMES));
        };
    }

    /** Width of the concatenated query heads (input of o_proj, size of attn_sub_norm). */
    public int queryDim() {
        return heads * headDim;
    }

    /** Width of the concatenated key (or value) heads. */
    public int kvDim() {
        return kvHeads * headDim;
    }

    /** Query heads that share one key/value head. */
    public int queriesPerKvHead() {
        return heads / kvHeads;
    }

    /** Ternary weights one token multiplies through all BitLinear layers. */
    public long ternaryWeightsPerToken() {
        long perLayer = 0;
        for (Projection p : Projection.values()) {
            perLayer += (long) p.inFeatures(this) * p.outFeatures(this);
        }
        return perLayer * layers;
    }
}
