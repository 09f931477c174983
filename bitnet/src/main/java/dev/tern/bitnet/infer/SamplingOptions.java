package dev.tern.bitnet.infer;

import dev.tern.bitnet.model.BitNetException;

/**
 * How the next token is chosen from the logits. Temperature 0 is greedy (argmax, lowest id among equals);
 * otherwise the logits are divided by the temperature, cut to the {@code topK} most likely (0 = all), then
 * to the smallest set whose probability reaches {@code topP} (1 = all), and sampled with a generator
 * seeded by {@code seed}, so the same options give the same tokens.
 */
public record SamplingOptions(double temperature, int topK, double topP, long seed) {
    public SamplingOptions {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new BitNetException("temperature must be a finite number >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new BitNetException("top-k must be >= 0 (0 keeps every token), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new BitNetException("top-p must be in (0, 1], got " + topP);
        }
    }

    public static SamplingOptions greedy() {
        return new SamplingOptions(0, 0, 1, 0);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }
}
