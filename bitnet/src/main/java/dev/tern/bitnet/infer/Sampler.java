package dev.tern.bitnet.infer;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks tokens from logits as {@link SamplingOptions} says. The random generator is {@link java.util.Random},
 * whose sequence the Java specification fixes, so a seed reproduces a generation on every JVM.
 */
public final class Sampler {
    private final SamplingOptions options;
    private final Random random;

    public Sampler(SamplingOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    public int next(float[] logits) {
        if (options.isGreedy()) {
            return argmax(logits);
        }
        int[] order = byDescendingLogit(logits);
        int kept = options.topK() == 0 ? order.length : Math.min(options.topK(), order.length);
        double max = logits[order[0]];
        double[] weights = new double[kept];
        double total = 0;
        for (int i = 0; i < kept; i++) {
            weights[i] = Math.exp((logits[order[i]] - max) / options.temperature());
            total += weights[i];
        }
        if (options.topP() < 1) {
            double cumulative = 0;
            int within = kept;
            for (int i = 0; i < kept; i++) {
                cumulative += weights[i] / total;
                if (cumulative >= options.topP()) {
                    within = i + 1;
                    break;
                }
            }
            kept = within;
            total = 0;
            for (int i = 0; i < kept; i++) {
                total += weights[i];
            }
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < kept; i++) {
            target -= weights[i];
            if (target < 0) {
                return order[i];
            }
        }
        return order[kept - 1];
    }

    /** Token ids, most likely first; equal logits keep id order so that the cut-offs are deterministic. */
    private static int[] byDescendingLogit(float[] logits) {
        long[] keys = new long[logits.length];
        for (int i = 0; i < logits.length; i++) {
            int bits = Float.floatToIntBits(logits[i]);
            int ascending = bits < 0 ? bits ^ 0x7FFFFFFF : bits;
            keys[i] = ((long) ~ascending << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[logits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** The index of the largest logit, the lowest index among equals. */
    public static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
