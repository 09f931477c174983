package dev.tern.bitnet.bench;

import java.util.Locale;

/**
 * A speed target for one backend on one model preset at one thread count (and, for a hardware backend, one
 * accelerator width): at least a decode speed, and a peak heap below a limit.
 *
 * @param backend                  the backend it is set for
 * @param preset                   the model preset it is set for
 * @param threads                  the thread count it is set for
 * @param lanes                    the accelerator lanes it is set for, 0 for a backend without an accelerator
 * @param minDecodeTokensPerSecond the decode speed to reach
 * @param maxPeakHeapBytes         the peak heap to stay under, {@link Long#MAX_VALUE} for no limit
 */
public record SpeedGoal(String backend, String preset, int threads, int lanes, double minDecodeTokensPerSecond,
        long maxPeakHeapBytes) {
    /** The reference backend's goal: 4 tokens/s on the 2B-shaped model with 2 threads, in under 1.5 GB of heap. */
    public static final SpeedGoal REFERENCE_2B_SHAPE = new SpeedGoal("reference", "2b-shape", 2, 0, 4.0, 1_500_000_000L);
    /** The RTL backend's goal: a 2B-shaped token through the simulated 256-lane accelerator in under two minutes. */
    public static final SpeedGoal RTL_2B_SHAPE = new SpeedGoal("rtl", "2b-shape", 2, 256, 1 / 120.0, Long.MAX_VALUE);

    /**
     * Whether {@code result}, measured on {@code measuredPreset} with an accelerator of {@code measuredLanes}
     * (0 for none), is a run this goal speaks about.
     */
    public boolean appliesTo(String measuredPreset, BenchmarkResult result, int measuredLanes) {
        return backend.equals(result.backend()) && preset.equalsIgnoreCase(measuredPreset) && threads == result.threads()
                && lanes == measuredLanes;
    }

    /** Whether {@code result} reaches the decode speed and stays under the heap limit. */
    public boolean isMetBy(BenchmarkResult result) {
        return result.decodeTokensPerSecond() >= minDecodeTokensPerSecond && result.peakHeapBytes() < maxPeakHeapBytes;
    }

    /**
     * For example {@code reference >= 4.0 tokens/s decode, < 1.50 GB heap, 2b-shape, 2 threads} or
     * {@code rtl: a decode token in under 120 s, 256 lanes, 2b-shape, 2 threads}.
     */
    public String describe() {
        String speed = minDecodeTokensPerSecond >= 1
                ? String.format(Locale.ROOT, "%s >= %.1f tokens/s decode", backend, minDecodeTokensPerSecond)
                : String.format(Locale.ROOT, "%s: a decode token in under %.0f s", backend, 1 / minDecodeTokensPerSecond);
        String heap = maxPeakHeapBytes == Long.MAX_VALUE ? "" : String.format(Locale.ROOT, ", < %.2f GB heap", maxPeakHeapBytes / 1e9);
        String accelerator = lanes == 0 ? "" : ", " + lanes + " lanes";
        return String.format(Locale.ROOT, "%s%s%s, %s, %d threads", speed, heap, accelerator, preset, threads);
    }
}
