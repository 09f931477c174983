package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.TernaryWeight;

/**
 * One BitLinear projection: ternary weights with their scale {@code gamma}, and the optional extra output
 * scale some GGUF files carry as a separate {@code blk.N.<proj>.scale} tensor (1 when the file has none;
 * multiplying by 1 is exact, so "absent" and "1" compute the same).
 */
public record BitLinear(TernaryWeight weight, float outputScale) {
    public BitLinear {
        if (weight == null) {
            throw new IllegalArgumentException("BitLinear needs a weight");
        }
        if (!Float.isFinite(outputScale)) {
            throw new IllegalArgumentException("BitLinear output scale is not finite: " + outputScale);
        }
    }

    public static BitLinear of(TernaryWeight weight) {
        return new BitLinear(weight, 1f);
    }

    public int inFeatures() {
        return weight.inFeatures();
    }

    public int outFeatures() {
        return weight.outFeatures();
    }

    public boolean hasOutputScale() {
        return outputScale != 1f;
    }

    /** The factor that turns an integer dot product of activations quantised with {@code activationScale} into the output. */
    public double dequantizationFactor(double activationScale) {
        return (double) weight.scale() * outputScale / activationScale;
    }
}
