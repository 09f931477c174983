package dev.tern.energy;

import dev.tern.energy.count.CountSource;
import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.design.MacArray;
import dev.tern.energy.design.WeightEncoding;
import dev.tern.energy.tech.TechTable;
import dev.tern.energy.tech.TechTables;
import dev.tern.energy.workload.ModelShape;

import java.util.List;
import java.util.Optional;

/**
 * Everything an energy analysis depends on.
 *
 * @param models the models to report on; the first is the one the lanes sweep and the headline
 *               end-to-end ratio use
 * @param dramType a type of the tech table's {@code dram} section (DDR3, DDR4, LPDDR4, HBM2)
 * @param baselines the MAC arrays to compare against (at least one)
 * @param context positions attended per decoded token
 * @param includePaperModels whether to add the BitNet paper's sizes (700M to 70B)
 * @param lanesSweep lane counts for the energy-per-token-against-lanes chart
 * @param simulatedTernary counts of the ternary design measured in simulation, per matmul shape;
 *                         used in place of the analytic ones where present, and cross-checked
 * @param requireArithmeticAgreement fail when simulated arithmetic differs from the analytic count
 * @param switchingActivity toggle counts of the ternary design measured in simulation, reported as they are
 */
public record EnergyOptions(
        List<ModelShape> models,
        TechTable tech,
        String dramType,
        ArrayConfig array,
        WeightEncoding encoding,
        List<MacArray.Format> baselines,
        int context,
        boolean includePaperModels,
        List<Integer> lanesSweep,
        Optional<CountSource> simulatedTernary,
        boolean requireArithmeticAgreement,
        Optional<SwitchingActivity> switchingActivity) {

    public static final String DEFAULT_DRAM = "DDR4";
    public static final int DEFAULT_CONTEXT = 2048;
    public static final List<Integer> DEFAULT_LANES_SWEEP = List.of(8, 16, 32, 64, 128, 256, 512, 1024);

    public EnergyOptions {
        models = List.copyOf(models);
        baselines = List.copyOf(baselines);
        lanesSweep = List.copyOf(lanesSweep);
        if (models.isEmpty()) {
            throw new EnergyModelException("energy analysis needs at least one model");
        }
        if (baselines.isEmpty()) {
            throw new EnergyModelException("energy analysis needs at least one baseline (fp16, int8)");
        }
        if (baselines.stream().distinct().count() != baselines.size()) {
            throw new EnergyModelException("baseline listed twice: " + baselines);
        }
        if (context <= 0) {
            throw new EnergyModelException("context length must be positive, found " + context);
        }
        tech.dram(dramType);
    }

    public static Builder builder(List<ModelShape> models) {
        return new Builder(models);
    }

    /** Defaults: 7 nm, DDR4, 64 lanes x 1 row, 2-bit weights, FP16 and INT8 baselines, context 2048. */
    public static final class Builder {
        private final List<ModelShape> models;
        private TechTable tech;
        private String dramType = DEFAULT_DRAM;
        private ArrayConfig array = ArrayConfig.defaults();
        private WeightEncoding encoding = WeightEncoding.TWO_BIT;
        private List<MacArray.Format> baselines = List.of(MacArray.Format.FP16, MacArray.Format.INT8);
        private int context = DEFAULT_CONTEXT;
        private boolean includePaperModels = true;
        private List<Integer> lanesSweep = DEFAULT_LANES_SWEEP;
        private CountSource simulatedTernary;
        private boolean requireArithmeticAgreement = true;
        private SwitchingActivity switchingActivity;

        private Builder(List<ModelShape> models) {
            this.models = List.copyOf(models);
        }

        public Builder tech(TechTable value) {
            tech = value;
            return this;
        }

        public Builder dramType(String value) {
            dramType = value;
            return this;
        }

        public Builder array(ArrayConfig value) {
            array = value;
            return this;
        }

        public Builder encoding(WeightEncoding value) {
            encoding = value;
            return this;
        }

        public Builder baselines(List<MacArray.Format> value) {
            baselines = List.copyOf(value);
            return this;
        }

        public Builder context(int value) {
            context = value;
            return this;
        }

        public Builder includePaperModels(boolean value) {
            includePaperModels = value;
            return this;
        }

        public Builder lanesSweep(List<Integer> value) {
            lanesSweep = List.copyOf(value);
            return this;
        }

        public Builder simulatedTernary(CountSource value) {
            simulatedTernary = value;
            return this;
        }

        public Builder requireArithmeticAgreement(boolean value) {
            requireArithmeticAgreement = value;
            return this;
        }

        public Builder switchingActivity(SwitchingActivity value) {
            switchingActivity = value;
            return this;
        }

        public EnergyOptions build() {
            return new EnergyOptions(models, tech == null ? TechTables.builtIn("7nm") : tech, dramType, array,
                    encoding, baselines, context, includePaperModels, lanesSweep, Optional.ofNullable(simulatedTernary),
                    requireArithmeticAgreement, Optional.ofNullable(switchingActivity));
        }
    }
}
