package dev.tern.bitnet.model;

/** A batch of activation vectors after {@link ActivationQuantizer}: INT8 values and one scale per token. */
public record QuantizedActivations(byte[][] values, double[] scales) {

    public static QuantizedActivations of(float[][] x) {
        byte[][] values = new byte[x.length][];
        double[] scales = new double[x.length];
        for (int b = 0; b < x.length; b++) {
            values[b] = new byte[x[b].length];
            scales[b] = ActivationQuantizer.quantize(x[b], values[b]);
        }
        return new QuantizedActivations(values, scales);
    }

    public int tokens() {
        return values.length;
    }
}
