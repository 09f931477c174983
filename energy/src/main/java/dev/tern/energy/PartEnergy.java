package dev.tern.energy;

import dev.tern.energy.count.ActionCounts;

/** One kind of full-precision work on one design: a single instance's counts and energy, and its multiplicity. */
public record PartEnergy(String name, long perLayer, long perToken, ActionCounts counts, EnergyBreakdown energy) {

    public EnergyBreakdown perTokenEnergy() {
        return energy.times(perToken);
    }
}
