package dev.tern.energy;

import dev.tern.energy.workload.ModelShape;

import java.util.ArrayList;
import java.util.List;

/** One model on the ternary design and each baseline, with the ratios against each baseline. */
public record ModelEnergy(ModelShape model, String shapeSource, int context, DesignEnergy ternary,
        List<DesignEnergy> baselines) {

    public ModelEnergy {
        baselines = List.copyOf(baselines);
    }

    public List<DesignEnergy> designs() {
        List<DesignEnergy> result = new ArrayList<>();
        result.add(ternary);
        result.addAll(baselines);
        return List.copyOf(result);
    }

    public List<Ratios> ratios() {
        return baselines.stream().map(baseline -> Ratios.of(ternary, baseline)).toList();
    }
}
