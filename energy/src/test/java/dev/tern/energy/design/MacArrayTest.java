package dev.tern.energy.design;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.OpType;
import dev.tern.energy.workload.MatmulShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-computed counts for lanes 4, one row, a 3 x 5 matmul: 6 evaluations of 4 MACs, 24 MACs. */
class MacArrayTest {

    private static final long KB32 = 32 * 1024;
    private static final ArrayConfig FOUR_LANES = new ArrayConfig(4, 1, KB32, KB32, KB32);
    private static final MatmulShape SHAPE = new MatmulShape(3, 5);

    @Test
    void fp16MacArrayThreeByFiveAsWorkedOutByHand() {
        ActionCounts expected = ActionCounts.builder()
                .datapath(OpType.fpMul(16), 24)
                .accumulator(OpType.fpAdd(16), 24)
                // 24 x (16-bit product + 16-bit sum) + activation register 6 reads x 64 bits
                .registerBits(24 * 32 + 6 * 64)
                .dramReadBits(6 * 64)
                .sramWrite("weights", KB32, 6, 64)
                .sramRead("weights", KB32, 6, 64)
                .sramWrite("activations", KB32, 2, 64)
                .sramRead("activations", KB32, 6, 64)
                .sramWrite("outputs", KB32, 3, 16)
                .sramRead("outputs", KB32, 3, 16)
                .build();
        assertEquals(expected, new MacArray(FOUR_LANES, MacArray.Format.FP16).count(SHAPE));
    }

    @Test
    void int8MacArrayThreeByFiveAsWorkedOutByHand() {
        ActionCounts expected = ActionCounts.builder()
                .datapath(OpType.intMul(8), 24)
                .accumulator(OpType.intAdd(32), 24)
                .registerBits(24 * 48 + 6 * 32)
                .dramReadBits(6 * 32)
                .sramWrite("weights", KB32, 6, 32)
                .sramRead("weights", KB32, 6, 32)
                .sramWrite("activations", KB32, 2, 32)
                .sramRead("activations", KB32, 6, 32)
                .sramWrite("outputs", KB32, 3, 32)
                .sramRead("outputs", KB32, 3, 32)
                .build();
        assertEquals(expected, new MacArray(FOUR_LANES, MacArray.Format.INT8).count(SHAPE));
    }

    @Test
    void weightBitsFromDramAreSixteenEightAndTwoPerWeight() {
        MatmulShape shape = new MatmulShape(64, 256);
        ArrayConfig config = ArrayConfig.defaults();
        assertEquals(16 * shape.weights(), new MacArray(config, MacArray.Format.FP16).count(shape).dramReadBits());
        assertEquals(8 * shape.weights(), new MacArray(config, MacArray.Format.INT8).count(shape).dramReadBits());
        assertEquals(2 * shape.weights(),
                new TernaryAdderTree(config, WeightEncoding.TWO_BIT).count(shape).dramReadBits());
    }
}
