package dev.tern.bitnet.backend;

import dev.tern.accel.AcceleratorConfig;

import java.util.List;

/**
 * Simulated clock edges of a generation on the accelerator.
 *
 * @param prefillCycles every edge up to the end of the prompt's forward pass
 * @param decodePasses  forward passes of generated tokens
 * @param decodeCycles  the edges of those passes
 * @param shapes        edges per projection shape, prefill and decode together
 */
public record AcceleratorSummary(AcceleratorConfig accelerator, int promptTokens, long prefillCycles, int decodePasses,
                                 long decodeCycles, List<ShapeLine> shapes) {
    /** One projection shape: the projections with that shape, calls, activation vectors, and edges. */
    public record ShapeLine(String projections, int rows, int cols, long calls, long vectors, long cycles) {
        /** Edges per activation vector, i.e. per token and layer. */
        public double cyclesPerVector() {
            return vectors == 0 ? 0 : (double) cycles / vectors;
        }
    }

    public AcceleratorSummary {
        shapes = List.copyOf(shapes);
    }

    /** Edges of one decode forward pass (all BitLinear layers of one token), or 0 when nothing was decoded. */
    public double decodeCyclesPerToken() {
        return decodePasses == 0 ? 0 : (double) decodeCycles / decodePasses;
    }

    /** Decode tokens per second at this clock, counting the BitLinear layers on the accelerator only. */
    public double projectedTokensPerSecond(double clockMhz) {
        double perToken = decodePasses > 0 ? decodeCyclesPerToken() : (double) prefillCycles / Math.max(1, promptTokens);
        return perToken == 0 ? 0 : clockMhz * 1e6 / perToken;
    }
}
