package dev.tern.synth.sweep;

import java.util.Map;

/**
 * One accelerator configuration decoding one token of a model.
 *
 * @param energyPerTokenJoules           the ternary datapath, from the energy model
 * @param baselineEnergyPerTokenJoules   MAC arrays of equal throughput (same lanes x rows) by id, e.g. {@code int8-mac}
 */
public record Performance(long cyclesPerToken, long weightBytesPerToken, double tokensPerSecond, Roofline.Bound bound,
                          double energyPerTokenJoules, Map<String, Double> baselineEnergyPerTokenJoules) {
    public Performance {
        baselineEnergyPerTokenJoules = Map.copyOf(baselineEnergyPerTokenJoules);
    }
}
