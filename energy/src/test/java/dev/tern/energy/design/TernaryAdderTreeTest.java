package dev.tern.energy.design;

import dev.tern.energy.EnergyBreakdown;
import dev.tern.energy.EnergyCalculator;
import dev.tern.energy.EnergyModelException;
import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.CountDifference;
import dev.tern.energy.count.OpType;
import dev.tern.energy.tech.TechTable;
import dev.tern.energy.tech.TechTables;
import dev.tern.energy.workload.MatmulShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Hand-computed counts for lanes 4, one row, a 3 x 5 matmul: tiles = ceil(5/4) = 2, so 3 x 2 = 6
 * tree evaluations and 3 row groups of one row each reading both activation tiles.
 */
class TernaryAdderTreeTest {

    private static final long KB32 = 32 * 1024;
    private static final ArrayConfig FOUR_LANES = new ArrayConfig(4, 1, KB32, KB32, KB32);
    private static final MatmulShape SHAPE = new MatmulShape(3, 5);

    @Test
    void fourLanesThreeByFiveCountsAsWorkedOutByHand() {
        ActionCounts expected = ActionCounts.builder()
                // tree: level 1, 2 adds of 8-bit numbers; level 2, 1 add of 9-bit numbers; x 6 evaluations
                .datapath(OpType.intAdd(8), 12)
                .datapath(OpType.intAdd(9), 6)
                // no correction: the signs ride in the adds, the root's sign in the accumulator's add or subtract
                .accumulator(OpType.intAdd(32), 6)
                // per evaluation: lanes 4 x (8 + 1 sign); level 1, 2 x (9 + 1 sign); level 2, 1 x (10 + 1);
                // accumulator 32 = 99; 99 * 6 = 594, plus the activation register: 6 tile reads x 32 bits = 192
                .registerBits(786)
                // 6 weight tiles of 4 x 2 bits
                .dramReadBits(48)
                .sramWrite("weights", KB32, 6, 8)
                .sramRead("weights", KB32, 6, 8)
                // the input vector written once as 2 tiles of 4 x 8 bits, read by each of 3 row groups
                .sramWrite("activations", KB32, 2, 32)
                .sramRead("activations", KB32, 6, 32)
                .sramWrite("outputs", KB32, 3, 32)
                .sramRead("outputs", KB32, 3, 32)
                .build();
        ActionCounts actual = new TernaryAdderTree(FOUR_LANES, WeightEncoding.TWO_BIT).count(SHAPE);
        assertEquals(List.of(), expected.differences(actual));
        assertEquals(expected, actual);
    }

    @Test
    void fourLanesThreeByFiveEnergyAt7nmOnDdr4AsWorkedOutByHand() {
        TechTable tech = TechTables.builtIn("7nm");
        EnergyBreakdown energy = new EnergyCalculator(tech, tech.dram("DDR4"))
                .energy(new TernaryAdderTree(FOUR_LANES, WeightEncoding.TWO_BIT).count(SHAPE));
        // int8: 12 x 0.007; int9: 6 x 0.007*9/8; int32 accumulator: 6 x 0.007*32/8
        double arithmetic = 12 * 0.007 + 6 * 0.007875 + 6 * 0.028;
        assertEquals(0.29925, arithmetic, 1e-12);
        assertEquals(arithmetic, energy.arithmetic(), 1e-12);
        assertEquals(786 * 0.000875, energy.registers(), 1e-12);
        // 32 KB SRAM: 20 pJ per 64-bit access; weights 96 bits, activations 256, outputs 96 written and 96 read
        assertEquals(544 * 20.0 / 64, energy.sram(), 1e-9);
        assertEquals(48 * 20.0, energy.dram(), 1e-9);
        assertEquals(0.29925 + 0.68775 + 170 + 960, energy.total(), 1e-9);
    }

    @Test
    void baseThreeAddsOneDecodeAddPerWeight() {
        ActionCounts twoBit = new TernaryAdderTree(FOUR_LANES, WeightEncoding.TWO_BIT).count(SHAPE);
        ActionCounts base3 = new TernaryAdderTree(FOUR_LANES, WeightEncoding.BASE3).count(SHAPE);
        // 4 lanes in one byte: 4 decode adds per evaluation (the byte's fifth trit is not decoded),
        // not registered; the packed tile is 8 bits like the 2-bit one
        assertEquals(List.of(new CountDifference("datapath.int9 add", 6, 6 + 24)), twoBit.differences(base3));
    }

    @Test
    void baseThreeMovesOnePointSixBitsPerWeightWhenLanesAreAMultipleOfFive() {
        assertEquals(32 * 8, WeightEncoding.BASE3.bitsPerTile(160));
        assertEquals(13 * 8, WeightEncoding.BASE3.bitsPerTile(64));
        assertEquals(128, WeightEncoding.TWO_BIT.bitsPerTile(64));
    }

    @Test
    void treeAddsTotalLanesMinusOnePerEvaluation() {
        ArrayConfig config = new ArrayConfig(64, 4, KB32, KB32, KB32);
        MatmulShape shape = new MatmulShape(10, 128);
        ActionCounts counts = new TernaryAdderTree(config, WeightEncoding.TWO_BIT).count(shape);
        // 3 row groups of 4 rows, the 2 idle rows of the last one included, x 2 tiles
        long evaluations = 12 * 2;
        long treeAdds = 0;
        for (int k = 1; k <= 6; k++) {
            assertEquals((64 >> k) * evaluations, counts.datapath().get(OpType.intAdd(8 + k - 1)));
            treeAdds += (64 >> k) * evaluations;
        }
        assertEquals(63 * evaluations, treeAdds);
        // 3 row groups of 4 rows (the last with 2 idle rows) each read both activation tiles
        assertEquals(3 * 2, counts.sram().get("activations").reads());
    }

    @Test
    void lanesMustBeAPowerOfTwo() {
        EnergyModelException e = assertThrows(EnergyModelException.class,
                () -> new ArrayConfig(6, 1, KB32, KB32, KB32));
        assertEquals("accelerator lanes must be a power of two of at least 2, found 6", e.getMessage());
    }
}
