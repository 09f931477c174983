package dev.tern.energy;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.MeasuredCounts;
import dev.tern.energy.count.OpType;
import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.design.TernaryAdderTree;
import dev.tern.energy.design.WeightEncoding;
import dev.tern.energy.tech.TechTables;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.energy.workload.ModelShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnergyAnalysisTest {

    static final ModelShape TWO_B = new ModelShape("2b-shape", 2560, 6912, 30, 20, 5, 128, 128256, true, true);
    static final ModelShape TINY = new ModelShape("tiny", 256, 688, 4, 4, 2, 64, 1000, true, true);

    @Test
    void twoBShapeHeadlineRatiosAt7nm() {
        EnergyReport report = EnergyAnalysis.run(EnergyOptions.builder(List.of(TWO_B)).build());
        assertEquals(71.43, report.arithmeticRatio(), 0.01);
        Ratios vsFp16 = report.primary().ratios().get(0);
        assertEquals("fp16-mac", vsFp16.baseline());
        // DRAM dominates at batch 1: the BitLinear ratio sits just under the 16/2 weight-width ratio
        assertTrue(vsFp16.bitLinearEndToEnd() > 7 && vsFp16.bitLinearEndToEnd() < 8, "" + vsFp16);
        // the FP16 lm_head and attention, the same in every design, pull the whole token lower
        assertTrue(vsFp16.wholeTokenEndToEnd() < vsFp16.bitLinearEndToEnd());
        // the real tree costs more than one INT8 add per weight, so it stays under the paper's ratio
        assertTrue(vsFp16.treeArithmetic() < report.arithmeticRatio());
        assertTrue(vsFp16.treeArithmetic() > 10);
    }

    @Test
    void baseThreeWeightsRaiseTheEndToEndRatioTowardsTen() {
        EnergyReport twoBit = EnergyAnalysis.run(EnergyOptions.builder(List.of(TWO_B)).includePaperModels(false)
                .array(ArrayConfig.defaults().withLanes(64)).build());
        EnergyReport base3 = EnergyAnalysis.run(EnergyOptions.builder(List.of(TWO_B)).includePaperModels(false)
                .encoding(WeightEncoding.BASE3).build());
        double twoBitRatio = twoBit.primary().ratios().get(0).bitLinearEndToEnd();
        double base3Ratio = base3.primary().ratios().get(0).bitLinearEndToEnd();
        assertTrue(base3Ratio > twoBitRatio && base3Ratio < 10, twoBitRatio + " " + base3Ratio);
    }

    @Test
    void perTokenEnergyIsTheSumOfProjectionsTimesLayersAndFullPrecisionParts() {
        EnergyReport report = EnergyAnalysis.run(EnergyOptions.builder(List.of(TINY)).includePaperModels(false)
                .build());
        DesignEnergy ternary = report.primary().ternary();
        double projections = ternary.bitLinears().stream().mapToDouble(m -> m.energy().total()).sum();
        assertEquals(projections * TINY.layers(), ternary.bitLinearPerToken().total(), 1e-6);
        double parts = ternary.fullPrecision().stream().mapToDouble(p -> p.energy().total() * p.perToken()).sum();
        assertEquals(projections * TINY.layers() + parts, ternary.perToken().total(), 1e-6);
        assertEquals(List.of("lm_head", "attention", "norms", "ffn_activation_and_residual", "bitlinear_scaling"),
                ternary.fullPrecision().stream().map(PartEnergy::name).toList());
        assertEquals(List.of("lm_head", "attention", "norms", "ffn_activation_and_residual"),
                report.primary().baselines().get(0).fullPrecision().stream().map(PartEnergy::name).toList());
    }

    @Test
    void paperModelsAreEvaluatedAndTheSweepCoversEveryDesign() {
        EnergyReport report = EnergyAnalysis.run(EnergyOptions.builder(List.of(TINY)).lanesSweep(List.of(8, 64))
                .build());
        assertEquals(7, report.paperModels().size());
        assertEquals(List.of("ternary", "fp16-mac", "int8-mac"), List.copyOf(report.lanesSweep().perToken().keySet()));
        assertEquals(2, report.lanesSweep().perToken().get("ternary").size());
    }

    @Test
    void simulatedCountsThatMatchAreUsedAndReportedAsAgreeing() {
        ArrayConfig array = ArrayConfig.defaults();
        MatmulShape q = new MatmulShape(256, 256);
        ActionCounts analytic = new TernaryAdderTree(array, WeightEncoding.TWO_BIT).count(q);
        EnergyReport report = EnergyAnalysis.run(EnergyOptions.builder(List.of(TINY)).includePaperModels(false)
                .simulatedTernary(MeasuredCounts.simulated(Map.of(q, analytic))).build());
        assertEquals(1, report.crossChecks().size());
        CrossCheck check = report.crossChecks().get(0);
        assertEquals("q", check.matmul());
        assertTrue(check.agrees());
        List<String> sources = report.primary().ternary().bitLinears().stream().map(MatmulEnergy::countSource)
                .toList();
        assertEquals(List.of("simulated", "analytic", "analytic", "simulated", "analytic", "analytic", "analytic"),
                sources);
    }

    @Test
    void simulatedArithmeticThatDiffersFailsNamingTheMatmulAndTheCount() {
        MatmulShape q = new MatmulShape(256, 256);
        ActionCounts analytic = new TernaryAdderTree(ArrayConfig.defaults(), WeightEncoding.TWO_BIT).count(q);
        ActionCounts measured = analytic.plus(ActionCounts.builder().datapath(OpType.intAdd(9), 1).build());
        EnergyOptions.Builder options = EnergyOptions.builder(List.of(TINY)).includePaperModels(false)
                .simulatedTernary(MeasuredCounts.simulated(Map.of(q, measured)));
        EnergyModelException e = assertThrows(EnergyModelException.class, () -> EnergyAnalysis.run(options.build()));
        // 256 rows x 4 tiles of 64 lanes = 1024 evaluations, 16 level-2 adds of 9-bit numbers each
        assertEquals("simulated counts of model tiny matmul q (256x256) disagree with the analytic count:"
                + " datapath.int9 add: expected 16384, got 16385", e.getMessage());
        EnergyReport report = EnergyAnalysis.run(options.requireArithmeticAgreement(false).build());
        assertFalse(report.crossChecks().get(0).arithmeticAgrees());
    }

    @Test
    void unknownDramTypeIsRefusedWhenOptionsAreBuilt() {
        EnergyModelException e = assertThrows(EnergyModelException.class,
                () -> EnergyOptions.builder(List.of(TINY)).dramType("SDR").build());
        assertTrue(e.getMessage().contains("unknown DRAM type 'SDR'"));
    }

    @Test
    void at45nmTheArithmeticRatioIsFifty() {
        EnergyReport report = EnergyAnalysis.run(EnergyOptions.builder(List.of(TINY)).includePaperModels(false)
                .tech(TechTables.builtIn("45nm")).build());
        assertEquals(50, report.arithmeticRatio(), 1e-9);
    }
}
