package dev.tern.bitnet.codec;

/**
 * How a checkpoint's stored per-tensor scale relates to BitNet's {@code gamma} (the value of a +1
 * weight), which is what {@link dev.tern.bitnet.tensor.TernaryWeight#scale()} always holds.
 *
 * <p>Hugging Face BitNet checkpoints say which one applies through
 * {@code quantization_config.linear_class} in config.json: transformers' {@code AutoBitLinear}
 * (offline mode) computes {@code F.linear(x, W) * weight_scale}, so its {@code weight_scale} is
 * gamma ({@link #MULTIPLIES}; microsoft/bitnet-b1.58-2B-4T, whose config names
 * {@code "autobitlinear"}, stores values around 1.5); transformers' {@code BitLinear} computes
 * {@code y / (weight_scale * input_scale)}, so its {@code weight_scale} is {@code 1 / gamma}
 * ({@link #DIVIDES}; e.g. HF1BitLLM/Llama3-8B-1.58-100B-tokens with {@code "bitlinear"}, the
 * default).
 */
public enum ScaleConvention {
    /** The stored value is gamma. */
    MULTIPLIES,
    /** The stored value is 1 / gamma. */
    DIVIDES;

    /**
     * The convention of a transformers {@code quantization_config.linear_class} value
     * ({@code "autobitlinear"} or {@code "bitlinear"}; absent means {@code "bitlinear"}, the
     * transformers default).
     */
    public static ScaleConvention ofLinearClass(String linearClass) {
        if (linearClass == null || linearClass.equals("bitlinear")) {
            return DIVIDES;
        }
        if (linearClass.equals("autobitlinear")) {
            return MULTIPLIES;
        }
        throw new IllegalArgumentException("unknown BitNet linear_class '" + linearClass
                + "' (expected autobitlinear or bitlinear)");
    }

    /** Gamma from the stored value. */
    public float gamma(float stored) {
        return this == MULTIPLIES ? stored : 1f / stored;
    }

    /** The value to store for {@code gamma}. */
    public float stored(float gamma) {
        return this == MULTIPLIES ? gamma : 1f / gamma;
    }
}
