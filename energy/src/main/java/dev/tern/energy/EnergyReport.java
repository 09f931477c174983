package dev.tern.energy;

import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.design.WeightEncoding;
import dev.tern.energy.tech.DramEntry;
import dev.tern.energy.tech.TechTable;

import java.util.List;

/**
 * The result of an energy analysis, everything the report writers print.
 *
 * @param arithmeticRatio the paper's arithmetic-only ratio from the table: (FP16 mul + FP16 add) / INT8 add
 * @param models the requested models
 * @param paperModels the BitNet paper's sizes (empty when not requested)
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
        List<PublishedFigure> published) {

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
