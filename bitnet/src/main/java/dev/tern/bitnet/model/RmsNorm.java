package dev.tern.bitnet.model;

/** RMSNorm with a learned weight: {@code y = x / sqrt(mean(x^2) + eps) * w}, the sum taken in double. */
public final class RmsNorm {
    private RmsNorm() {
    }

    public static void apply(float[] x, float[] weight, float eps, float[] out) {
        if (x.length != weight.length || out.length != x.length) {
            throw new IllegalArgumentException("RMSNorm of " + x.length + " values with " + weight.length
                    + " weights into " + out.length);
        }
        double sumSquares = 0;
        for (float v : x) {
            sumSquares += (double) v * v;
        }
        double inverse = 1.0 / Math.sqrt(sumSquares / x.length + eps);
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] * inverse * weight[i]);
        }
    }
}
