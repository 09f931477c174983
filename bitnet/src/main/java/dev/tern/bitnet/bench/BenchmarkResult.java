package dev.tern.bitnet.bench;

/**
 * One backend's measured speed on one model.
 *
 * @param backend        the backend's name ({@code reference}, ...)
 * @param threads        worker threads it ran on
 * @param promptTokens   tokens of the prefill
 * @param prefillNanos   time of the prefill forward pass
 * @param decodeSteps    decode forward passes (one token each)
 * @param decodeNanos    time of the decode passes and of choosing their tokens
 * @param decodeCpuNanos CPU time the process spent meanwhile, over all threads (-1 when unknown): unlike the
 *                       wall time it hardly changes when other programs share the processors; it comes in the
 *                       system's clock ticks (often 10 ms), so it means something for runs of seconds
 * @param peakHeapBytes  the most heap in use during the timed run (model weights included), see {@link HeapPeak}
 * @param maxHeapBytes   the JVM's heap limit ({@code -Xmx})
 */
public record BenchmarkResult(String backend, int threads, int promptTokens, long prefillNanos, int decodeSteps,
        long decodeNanos, long decodeCpuNanos, long peakHeapBytes, long maxHeapBytes) {

    public double prefillTokensPerSecond() {
        return promptTokens * 1e9 / Math.max(1, prefillNanos);
    }

    public double decodeTokensPerSecond() {
        return decodeSteps * 1e9 / Math.max(1, decodeNanos);
    }

    /** CPU seconds per decoded token over all threads, or -1 when the CPU time is unknown. */
    public double decodeCpuSecondsPerToken() {
        return decodeCpuNanos < 0 ? -1 : decodeCpuNanos / 1e9 / Math.max(1, decodeSteps);
    }
}
