package dev.tern.bitnet.synth;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, 2014), written out here so that a synthetic model depends
 * only on its seed, not on a JDK's choice of algorithm. {@link #mix} also derives independent streams for
 * every tensor and embedding row, so any part of a model can be generated alone and in any order.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)} for {@code bound > 0}; the tiny modulo bias does not matter here. */
    public int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /** A standard normal value (Box-Muller). */
    public double nextGaussian() {
        double u1 = ((nextLong() >>> 11) + 1) * 0x1.0p-53;
        double u2 = (nextLong() >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The SplitMix64 output function: a bijective scramble of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for the stream named by {@code parts} under {@code seed}. */
    public static long derive(long seed, long... parts) {
        long h = mix(seed + GOLDEN_GAMMA);
        for (long part : parts) {
            h = mix(h ^ mix(part + GOLDEN_GAMMA));
        }
        return h;
    }
}
