package dev.tern.energy;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.CountDifference;
import dev.tern.energy.count.CountSource;
import dev.tern.energy.design.AnalyticCounts;
import dev.tern.energy.design.Design;
import dev.tern.energy.design.FullPrecisionUnit;
import dev.tern.energy.design.MacArray;
import dev.tern.energy.design.TernaryAdderTree;
import dev.tern.energy.workload.BitLinear;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.energy.workload.ModelShape;
import dev.tern.energy.workload.PaperModels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The entry point: counts x technology table for every requested model and design. */
public final class EnergyAnalysis {

    private static final String CALLER_SHAPE = "given by the caller";

    private final EnergyOptions options;
    private final EnergyCalculator calculator;
    private final FullPrecisionUnit fullPrecisionUnit = FullPrecisionUnit.defaults();
    private final Design ternary;
    private final List<Design> baselines;

    private EnergyAnalysis(EnergyOptions options) {
        this.options = options;
        this.calculator = new EnergyCalculator(options.tech(), options.tech().dram(options.dramType()));
        this.ternary = new TernaryAdderTree(options.array(), options.encoding());
        this.baselines = options.baselines().stream().<Design>map(f -> new MacArray(options.array(), f)).toList();
    }

    public static EnergyReport run(EnergyOptions options) {
        return new EnergyAnalysis(options).report();
    }

    private EnergyReport report() {
        List<ModelEnergy> models = new ArrayList<>();
        for (ModelShape model : options.models()) {
            models.add(evaluate(model, CALLER_SHAPE, options.simulatedTernary()));
        }
        List<ModelEnergy> paperModels = new ArrayList<>();
        if (options.includePaperModels()) {
            for (PaperModels.Sourced paper : PaperModels.all()) {
                paperModels.add(evaluate(paper.shape(), paper.source(), Optional.empty()));
            }
        }
        List<CrossCheck> crossChecks = crossChecks();
        if (options.requireArithmeticAgreement()) {
            requireAgreement(crossChecks);
        }
        return new EnergyReport(options.tech(), calculator.dram(), options.array(), options.encoding(),
                options.context(), options.tech().paperArithmeticRatio(), models, paperModels, lanesSweep(),
                crossChecks, PublishedFigure.bitnetB158(), options.switchingActivity());
    }

    private ModelEnergy evaluate(ModelShape model, String shapeSource, Optional<CountSource> simulated) {
        DesignEnergy ternaryEnergy = evaluate(model, ternary, simulated);
        List<DesignEnergy> baselineEnergy = baselines.stream()
                .map(design -> evaluate(model, design, Optional.empty()))
                .toList();
        return new ModelEnergy(model, shapeSource, options.context(), ternaryEnergy, baselineEnergy);
    }

    private DesignEnergy evaluate(ModelShape model, Design design, Optional<CountSource> measured) {
        AnalyticCounts analytic = new AnalyticCounts(design);
        List<MatmulEnergy> bitLinears = new ArrayList<>();
        for (BitLinear projection : model.bitLinearsPerLayer()) {
            Optional<ActionCounts> fromMeasurement = measured.flatMap(source -> source.counts(projection.shape()));
            ActionCounts counts = fromMeasurement.orElseGet(() -> design.count(projection.shape()));
            String source = fromMeasurement.isPresent() ? measured.get().label() : analytic.label();
            bitLinears.add(new MatmulEnergy(projection.name(), projection.shape(), 1, model.layers(), source, counts,
                    calculator.energy(counts)));
        }
        List<PartEnergy> parts = new ArrayList<>();
        for (FullPrecisionUnit.Part part : fullPrecisionUnit.parts(model, options.context(), design.integerCore())) {
            parts.add(new PartEnergy(part.name(), part.perLayer(), part.perToken(), part.counts(),
                    calculator.energy(part.counts())));
        }
        return new DesignEnergy(design.id(), design.label(), design.parameters(), bitLinears, parts);
    }

    private LanesSweep lanesSweep() {
        ModelShape model = options.models().get(0);
        List<Design> designs = new ArrayList<>();
        designs.add(ternary);
        designs.addAll(baselines);
        Map<String, List<EnergyBreakdown>> series = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Design design : designs) {
            List<EnergyBreakdown> values = new ArrayList<>();
            for (int lanes : options.lanesSweep()) {
                values.add(evaluate(model, design.withLanes(lanes), Optional.empty()).perToken());
            }
            series.put(design.id(), values);
            labels.put(design.id(), design.label());
        }
        return new LanesSweep(model.name(), options.lanesSweep(), series, labels);
    }

    private List<CrossCheck> crossChecks() {
        if (options.simulatedTernary().isEmpty()) {
            return List.of();
        }
        CountSource simulated = options.simulatedTernary().get();
        List<CrossCheck> checks = new ArrayList<>();
        for (ModelShape model : options.models()) {
            Set<MatmulShape> seen = new HashSet<>();
            for (BitLinear projection : model.bitLinearsPerLayer()) {
                if (!seen.add(projection.shape())) {
                    continue;
                }
                Optional<ActionCounts> measured = simulated.counts(projection.shape());
                if (measured.isPresent()) {
                    checks.add(new CrossCheck(model.name(), projection.name(), projection.shape(), simulated.label(),
                            ternary.count(projection.shape()), measured.get()));
                }
            }
        }
        return List.copyOf(checks);
    }

    private static void requireAgreement(List<CrossCheck> checks) {
        for (CrossCheck check : checks) {
            if (!check.arithmeticAgrees()) {
                String first = check.differences().stream()
                        .filter(CountDifference::isArithmetic)
                        .findFirst().orElseThrow().toString();
                throw new EnergyModelException(check.source() + " counts of model " + check.model() + " matmul "
                        + check.matmul() + " (" + check.shape() + ") disagree with the analytic count: " + first);
            }
        }
    }
}
