package dev.tern.energy;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.workload.MatmulShape;

/**
 * One BitLinear projection on one design: counts and energy of a single instance, where the counts
 * came from, and how many instances a layer and a token have.
 */
public record MatmulEnergy(String name, MatmulShape shape, long perLayer, long perToken, String countSource,
        ActionCounts counts, EnergyBreakdown energy) {

    public EnergyBreakdown perTokenEnergy() {
        return energy.times(perToken);
    }
}
