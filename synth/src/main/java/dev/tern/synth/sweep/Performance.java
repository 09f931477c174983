package dev.tern.synth.sweep;

import java.util.Map;

/**
 * One accelerator configuration decoding one token of a model.
 *
 * @param energyPerTokenJoules           the ternary datapath, from the energy model
 * @param baselineEnergyPerTokenJoules   MAC arrays of equal throughput (same lanes x rows) by id, e.g. {@code int8-mac}
 * @param cyclesCheckedOn                the sample product on which the simulated unit took exactly the cycles the
 *                                       model counts, e.g. {@code 9 x 2560}
 */
public record Performance(long cyclesPerToken, long weightBytesPerToken, double tokensPerSecond, Roofline.Bound bound,
                          double energyPerTokenJoules, Map<String, Double> baselineEnergyPerTokenJoules, String cyclesCheckedOn) {
    public Performance {
        baselineEnergyPerTokenJoules = Map.copyOf(baselineEnergyPerTokenJoules);
    }
}
