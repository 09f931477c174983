package dev.tern.bitnet.bench;

import java.util.Locale;

/**
 * A speed target for one backend on one model preset at one thread count: at least a decode speed, and a peak
 * heap below a limit.
 *
 * @param backend                  the backend it is set for
 * @param preset                   the model preset it is set for
 * @param threads                  the thread count it is set for
 * @param minDecodeTokensPerSecond the decode speed to reach
 * @param maxPeakHeapBytes         the peak heap to stay under
 */
public record SpeedGoal(String backend, String preset, int threads, double minDecodeTokensPerSecond,
        long maxPeakHeapBytes) {
    /** The reference backend's goal: 4 tokens/s on the 2B-shaped model with 2 threads, in under 1.5 GB of heap. */
    public static final SpeedGoal REFERENCE_2B_SHAPE = new SpeedGoal("reference", "2b-shape", 2, 4.0, 1_500_000_000L);

    /** Whether {@code result}, measured on {@code measuredPreset}, is a run this goal speaks about. */
    public boolean appliesTo(String measuredPreset, BenchmarkResult result) {
        return backend.equals(result.backend()) && preset.equalsIgnoreCase(measuredPreset) && threads == result.threads();
    }

    /** Whether {@code result} reaches the decode speed and stays under the heap limit. */
    public boolean isMetBy(BenchmarkResult result) {
        return result.decodeTokensPerSecond() >= minDecodeTokensPerSecond && result.peakHeapBytes() < maxPeakHeapBytes;
    }

    /** For example {@code reference >= 4.0 tokens/s decode, < 1.50 GB heap, 2b-shape, 2 threads}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s >= %.1f tokens/s decode, < %.2f GB heap, %s, %d threads", backend,
                minDecodeTokensPerSecond, maxPeakHeapBytes / 1e9, preset, threads);
    }
}
