package dev.tern.synth.sweep;

/**
 * Decode speed at batch 1 limited either by the clock (cycles per token) or by DRAM (weight bytes
 * per token): tokens/s is the smaller of the two ceilings.
 */
public record Roofline(double clockMhz, double dramGbps) {
    public enum Bound { COMPUTE, BANDWIDTH }

    public Roofline {
        if (!(clockMhz > 0) || !(dramGbps > 0) || Double.isInfinite(clockMhz) || Double.isInfinite(dramGbps)) {
            throw new dev.tern.synth.SynthException("clock and DRAM bandwidth must be positive, got " + clockMhz + " MHz and "
                    + dramGbps + " GB/s");
        }
    }

    public double computeTokensPerSecond(long cyclesPerToken) {
        return clockMhz * 1e6 / cyclesPerToken;
    }

    public double bandwidthTokensPerSecond(long bytesPerToken) {
        return dramGbps * 1e9 / bytesPerToken;
    }

    public double tokensPerSecond(long cyclesPerToken, long bytesPerToken) {
        return Math.min(computeTokensPerSecond(cyclesPerToken), bandwidthTokensPerSecond(bytesPerToken));
    }

    public Bound bound(long cyclesPerToken, long bytesPerToken) {
        return computeTokensPerSecond(cyclesPerToken) <= bandwidthTokensPerSecond(bytesPerToken) ? Bound.COMPUTE : Bound.BANDWIDTH;
    }
}
