package dev.tern.bitnet.infer;

/**
 * The result of one generation.
 *
 * @param promptTokens the prompt as token ids (with BOS when added)
 * @param tokens       the generated token ids (EOS included when it ended the generation)
 * @param text         the generated text
 * @param stopReason   why generation ended
 * @param prefillNanos time to run the prompt through the model
 * @param decodeSteps  forward passes after the prompt (each generated token but the last is fed back)
 * @param decodeNanos  time of those forward passes and of sampling
 * @param counts       BitLinear work of the whole generation
 */
public record Generation(int[] promptTokens, int[] tokens, String text, StopReason stopReason, long prefillNanos,
        int decodeSteps, long decodeNanos, BitLinearCounts counts) {

    /** Decode speed: forward passes per second after the prompt (0 when there were none). */
    public double decodeTokensPerSecond() {
        return decodeSteps == 0 || decodeNanos == 0 ? 0 : decodeSteps * 1e9 / decodeNanos;
    }
}
