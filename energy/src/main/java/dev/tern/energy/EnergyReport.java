package dev.tern.energy;

import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.design.WeightEncoding;
import dev.tern.energy.tech.DramEntry;
import dev.tern.energy.tech.TechTable;

import java.util.List;
import java.util.Optional;

/**
 * The result of an energy analysis, everything the report writers print.
 *
 * @param arithmeticRatio the paper's arithmetic-only ratio from the table: (FP16 mul + FP16 add) / INT8 add
 * @param models the requested models
 * @param paperModels the BitNet paper's sizes (empty when not requested)
 * @param activity switching activity measured in simulation, when it was
 */
public record EnergyReport(
        TechTable tech,
        DramEntry dram,
        ArrayConfig array,
        WeightEncoding encoding,
        int context,
        double arithmeticRatio,
        List<ModelEnergy> models,
        List<ModelEnergy> paperModels,
        LanesSweep lanesSweep,
        List<CrossCheck> crossChecks,
        List<PublishedFigure> published,
        Optional<SwitchingActivity> activity) {

    public EnergyReport {
        models = List.copyOf(models);
        paperModels = List.copyOf(paperModels);
        crossChecks = List.copyOf(crossChecks);
        published = List.copyOf(published);
    }

    /** The first requested model: the one the headline end-to-end ratio is quoted for. */
    public ModelEnergy primary() {
        return models.get(0);
    }
}
