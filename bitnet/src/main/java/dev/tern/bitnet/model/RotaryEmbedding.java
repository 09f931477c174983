package dev.tern.bitnet.model;

/**
 * Rotary position embedding over whole heads: pair {@code i} of a head turns by the angle
 * {@code position * theta^(-2i/headDim)}, computed in double.
 */
public final class RotaryEmbedding {
    private final int headDim;
    private final RopeStyle style;
    private final double[] inverseFrequencies;

    public RotaryEmbedding(BitNetConfig config) {
        this.headDim = config.headDim();
        this.style = config.ropeStyle();
        this.inverseFrequencies = new double[headDim / 2];
        for (int i = 0; i < inverseFrequencies.length; i++) {
            inverseFrequencies[i] = Math.pow(config.ropeTheta(), -2.0 * i / headDim);
        }
    }

    /** The cosines and sines of one position, to rotate every head of a token with {@link #rotate}. */
    public Angles angles(int position) {
        double[] cos = new double[inverseFrequencies.length];
        double[] sin = new double[inverseFrequencies.length];
        for (int i = 0; i < cos.length; i++) {
            double angle = position * inverseFrequencies[i];
            cos[i] = Math.cos(angle);
            sin[i] = Math.sin(angle);
        }
        return new Angles(cos, sin);
    }

    /** Rotates {@code heads} consecutive heads of {@code vector} starting at index 0, in place. */
    public void rotate(float[] vector, int heads, Angles angles) {
        for (int h = 0; h < heads; h++) {
            int base = h * headDim;
            for (int i = 0; i < inverseFrequencies.length; i++) {
                int a = base + style.first(i, headDim);
                int b = base + style.second(i, headDim);
                double x0 = vector[a];
                double x1 = vector[b];
                vector[a] = (float) (x0 * angles.cos[i] - x1 * angles.sin[i]);
                vector[b] = (float) (x0 * angles.sin[i] + x1 * angles.cos[i]);
            }
        }
    }

    /** Precomputed rotation of one position. */
    public record Angles(double[] cos, double[] sin) {
    }
}
