package dev.tern.energy.report;

import dev.tern.energy.DesignEnergy;
import dev.tern.energy.EnergyBreakdown;

import java.util.function.Function;

/** The parts of a token's energy every report breaks down, with their keys and labels. */
enum Scope {
    BITLINEAR("bitlinear_layers", "BitLinear layers", DesignEnergy::bitLinearPerToken),
    FULL_PRECISION("full_precision", "full-precision work", DesignEnergy::fullPrecisionPerToken),
    WHOLE_TOKEN("whole_token", "whole token", DesignEnergy::perToken);

    final String key;
    final String label;
    final Function<DesignEnergy, EnergyBreakdown> energy;

    Scope(String key, String label, Function<DesignEnergy, EnergyBreakdown> energy) {
        this.key = key;
        this.label = label;
        this.energy = energy;
    }
}
