package dev.tern.energy.measured;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.WeightEncoding;
import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.MeasuredCounts;
import dev.tern.energy.count.OpType;
import dev.tern.energy.design.TernaryAdderTree;
import dev.tern.energy.workload.MatmulShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeasuredActionCountsTest {

    private static TernaryAdderTree analytic(MeasuredActionCounts measured, WeightEncoding encoding) {
        return new TernaryAdderTree(measured.energyArray(), dev.tern.energy.design.WeightEncoding.valueOf(encoding.name()));
    }

    @Test
    void oneRowTwoBitMatmulWithAPaddedTileAgreesWithTheAnalyticCountInEveryField() {
        MatmulShape shape = new MatmulShape(6, 40);
        AcceleratorConfig config = MeasuredActionCounts.configFor(16, 1, WeightEncoding.TWO_BIT, List.of(shape));
        try (MeasuredActionCounts measured = new MeasuredActionCounts(config)) {
            Random random = new Random(1);
            ActionCounts counts = measured.measure(MeasuredActionCounts.randomCodes(shape, random),
                    MeasuredActionCounts.randomActivations(shape.in(), random));
            // 6 rows x 3 tiles (the last half padding) = 18 tree evaluations: 8 adds of int8 each at level 1
            assertEquals(8 * 18, counts.datapath().get(OpType.intAdd(8)));
            assertEquals(18, counts.accumulator().get(OpType.intAdd(32)));
            assertEquals(List.of(), analytic(measured, WeightEncoding.TWO_BIT).count(shape).differences(counts));
        }
    }

    @Test
    void baseThreeMatmulAgreesWithTheAnalyticCountInEveryField() {
        MatmulShape shape = new MatmulShape(3, 32);
        AcceleratorConfig config = MeasuredActionCounts.configFor(16, 1, WeightEncoding.BASE3, List.of(shape));
        try (MeasuredActionCounts measured = new MeasuredActionCounts(config)) {
            Random random = new Random(2);
            ActionCounts counts = measured.measure(MeasuredActionCounts.randomCodes(shape, random),
                    MeasuredActionCounts.randomActivations(shape.in(), random));
            // 3 rows x 2 tiles = 6 evaluations, 16 decode adds and 4 level-2 tree adds each
            assertEquals(16 * 6 + 4 * 6, counts.datapath().get(OpType.intAdd(9)));
            assertEquals(List.of(), analytic(measured, WeightEncoding.BASE3).count(shape).differences(counts));
        }
    }

    @Test
    void idleRowsOfTheLastGroupComputeAndArePaddedSoTwoRowsAgreeInEveryField() {
        MatmulShape shape = new MatmulShape(5, 16);
        AcceleratorConfig config = MeasuredActionCounts.configFor(16, 2, WeightEncoding.TWO_BIT, List.of(shape));
        try (MeasuredActionCounts measured = new MeasuredActionCounts(config)) {
            MeasuredCounts counts = measured.measureShapes(List.of(shape), 3);
            ActionCounts expected = analytic(measured, WeightEncoding.TWO_BIT).count(shape);
            // 3 row groups for 5 rows: the sixth row's tree runs on zero weights, as the analytic rule says
            assertEquals(6, expected.accumulator().get(OpType.intAdd(32)));
            assertEquals(List.of(), expected.differences(counts.counts(shape).orElseThrow()));
        }
    }

    @Test
    void configForFitsTheLargestShape() {
        AcceleratorConfig config = MeasuredActionCounts.configFor(16, 1, WeightEncoding.TWO_BIT,
                List.of(new MatmulShape(64, 64), new MatmulShape(10, 100)));
        // 64 x 4 tiles = 256 weight words; 7 tiles of 100 inputs -> 8 activation words
        assertEquals(256, config.weightDepth());
        assertEquals(8, config.activationDepth());
        assertEquals(1, config.pipelineEvery());
    }

    @Test
    void aUnitWithFewerRegistersThanLevelsIsRefused() {
        AcceleratorConfig config = new AcceleratorConfig(16, 1, 2, WeightEncoding.TWO_BIT, 16, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MeasuredActionCounts(config));
        assertEquals("measured counts need a register after every tree level (pipeline 1), the geometry of the"
                + " analytic model; got pipeline 2", e.getMessage());
    }
}
