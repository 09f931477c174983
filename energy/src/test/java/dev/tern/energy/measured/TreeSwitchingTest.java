package dev.tern.energy.measured;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryWeightCode;
import dev.tern.accel.WeightEncoding;
import dev.tern.energy.SwitchingActivity;
import dev.tern.energy.workload.MatmulShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeSwitchingTest {

    private static final MatmulShape SHAPE = new MatmulShape(4, 32);
    private static final AcceleratorConfig CONFIG =
            MeasuredActionCounts.configFor(16, 1, WeightEncoding.TWO_BIT, List.of(SHAPE));

    @Test
    void constantActivationsWithAllPlusOneWeightsNeverToggleTheTree() {
        byte[][] codes = new byte[SHAPE.out()][SHAPE.in()];
        for (byte[] row : codes) {
            Arrays.fill(row, (byte) TernaryWeightCode.PLUS_ONE);
        }
        byte[] zeros = new byte[SHAPE.in()];
        TreeSwitching.Result result = TreeSwitching.measure(CONFIG, codes, List.of(zeros, zeros), "zeros");
        // 4 tree levels and the accumulators; every sum of zeros is zero
        assertEquals(5, result.rows().size());
        for (SwitchingActivity.Row row : result.rows()) {
            assertEquals(0, row.toggles(), row.signals());
        }
        // level 1: 8 adders of 9-bit sums
        assertEquals(new SwitchingActivity.Row("zeros", "tree level 1", 72, result.rows().get(0).cycles(), 0),
                result.rows().get(0));
        assertTrue(result.saif().contains("(INSTANCE terms"), result.saif());
    }

    @Test
    void smallNonNegativeSumsToggleOnlyLowBitsSoLessThanUniformlyRandomData() {
        // all +1 weights: the tree adds the activations themselves; 0..3 keeps every sum's high bits at 0,
        // while uniform INT8 flips sign bits too (small values of both signs would flip them as well:
        // -1 is all ones in two's complement)
        byte[][] codes = new byte[SHAPE.out()][SHAPE.in()];
        for (byte[] row : codes) {
            Arrays.fill(row, (byte) TernaryWeightCode.PLUS_ONE);
        }
        Random random = new Random(7);
        List<byte[]> small = new ArrayList<>();
        List<byte[]> uniform = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            byte[] x = new byte[SHAPE.in()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (byte) random.nextInt(4);
            }
            small.add(x);
            byte[] y = new byte[SHAPE.in()];
            random.nextBytes(y);
            uniform.add(y);
        }
        Map<String, List<byte[]>> stimuli = new LinkedHashMap<>();
        stimuli.put("small", small);
        stimuli.put("random", uniform);
        Map<String, TreeSwitching.Result> results = TreeSwitching.measure(CONFIG, codes, stimuli);
        assertEquals(List.of("small", "random"), List.copyOf(results.keySet()));
        SwitchingActivity.Row smallLevel1 = results.get("small").rows().get(0);
        SwitchingActivity.Row uniformLevel1 = results.get("random").rows().get(0);
        assertEquals(smallLevel1.cycles(), uniformLevel1.cycles());
        assertTrue(2 * smallLevel1.toggles() < uniformLevel1.toggles(), smallLevel1 + " vs " + uniformLevel1);
    }
}
