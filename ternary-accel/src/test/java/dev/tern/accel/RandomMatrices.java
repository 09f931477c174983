package dev.tern.accel;

import java.util.Random;

/** Random operands for the accelerator's tests. */
public final class RandomMatrices {
    private RandomMatrices() {
    }

    /** An {@code out x in} matrix of 2-bit weight codes, all four codes (the unused one too) equally likely. */
    public static byte[][] codes(Random random, int out, int in) {
        byte[][] codes = new byte[out][in];
        for (byte[] row : codes) {
            for (int i = 0; i < in; i++) {
                row[i] = (byte) random.nextInt(4);
            }
        }
        return codes;
    }

    /** {@code in} INT8 activations. */
    public static byte[] activations(Random random, int in) {
        byte[] x = new byte[in];
        random.nextBytes(x);
        return x;
    }
}
