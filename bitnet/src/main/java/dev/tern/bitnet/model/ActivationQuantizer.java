package dev.tern.bitnet.model;

/**
 * BitNet b1.58's per-token absmax INT8 activation quantisation, the one definition every BitLinear uses:
 * {@code s = 127 / max(max|x|, 1e-5)}, {@code xq = clamp(round_half_even(x * s), -128, 127)}.
 * The scale and the products are computed in double, so the only rounding is the final one to an integer.
 */
public final class ActivationQuantizer {
    public static final int QMAX = 127;
    public static final int QMIN = -128;
    /** The floor of max|x| that keeps the scale finite for an all-zero vector. */
    public static final double MIN_ABSMAX = 1e-5;

    private ActivationQuantizer() {
    }

    /** Quantises {@code x} into {@code xq} (same length) and returns the scale {@code s}. */
    public static double quantize(float[] x, byte[] xq) {
        if (x.length != xq.length) {
            throw new IllegalArgumentException("quantising " + x.length + " values into " + xq.length + " bytes");
        }
        double absMax = 0;
        for (float v : x) {
            absMax = Math.max(absMax, Math.abs(v));
        }
        if (Double.isNaN(absMax) || Double.isInfinite(absMax)) {
            throw new BitNetException("activation vector holds a non-finite value (the model produced NaN or infinity)");
        }
        double scale = QMAX / Math.max(absMax, MIN_ABSMAX);
        for (int i = 0; i < x.length; i++) {
            double q = Math.rint(x[i] * scale);
            xq[i] = (byte) Math.max(QMIN, Math.min(QMAX, q));
        }
        return scale;
    }
}
