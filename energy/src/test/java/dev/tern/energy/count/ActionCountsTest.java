package dev.tern.energy.count;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionCountsTest {

    private static ActionCounts sample() {
        return ActionCounts.builder()
                .datapath(OpType.intAdd(8), 12)
                .datapath(OpType.intAdd(9), 6)
                .accumulator(OpType.intAdd(32), 6)
                .registerBits(100)
                .sramRead("weights", 1024, 6, 8)
                .sramWrite("weights", 1024, 6, 8)
                .dramReadBits(48)
                .build();
    }

    @Test
    void equalCountsAreEqualValuesWhateverTheOrderTheyWereAddedIn() {
        ActionCounts reordered = ActionCounts.builder()
                .dramReadBits(48)
                .sramWrite("weights", 1024, 6, 8)
                .datapath(OpType.intAdd(9), 6)
                .registerBits(100)
                .accumulator(OpType.intAdd(32), 6)
                .sramRead("weights", 1024, 6, 8)
                .datapath(OpType.intAdd(8), 12)
                .build();
        assertEquals(sample(), reordered);
        assertEquals(sample().hashCode(), reordered.hashCode());
        assertTrue(sample().differences(reordered).isEmpty());
    }

    @Test
    void zeroCountsDoNotMakeTwoEqualCountsDiffer() {
        ActionCounts withZero = ActionCounts.builder().datapath(OpType.intAdd(8), 0).build();
        assertEquals(ActionCounts.none(), withZero);
    }

    @Test
    void plusAndTimesAddAndScaleEveryField() {
        ActionCounts doubled = sample().plus(sample());
        assertEquals(sample().times(2), doubled);
        assertEquals(24, doubled.datapath().get(OpType.intAdd(8)));
        assertEquals(96, doubled.sram().get("weights").readBits());
        assertEquals(12, doubled.sram().get("weights").writes());
        assertEquals(96, doubled.dramBits());
        assertEquals(200, doubled.registerBits());
    }

    @Test
    void differencesNameEachFieldThatDisagrees() {
        ActionCounts measured = ActionCounts.builder()
                .datapath(OpType.intAdd(8), 12)
                .datapath(OpType.intAdd(10), 6)
                .accumulator(OpType.intAdd(32), 6)
                .registerBits(101)
                .sramRead("weights", 1024, 6, 8)
                .sramWrite("weights", 1024, 6, 8)
                .dramReadBits(48)
                .build();
        List<CountDifference> differences = sample().differences(measured);
        assertEquals(List.of(
                new CountDifference("datapath.int9 add", 6, 0),
                new CountDifference("datapath.int10 add", 0, 6),
                new CountDifference("registers.bits", 100, 101)), differences);
        assertTrue(differences.get(0).isArithmetic());
        assertFalse(differences.get(2).isArithmetic());
        assertNotEquals(sample(), measured);
    }

    @Test
    void sramDifferencesNameMemoryAndField() {
        ActionCounts measured = sample().plus(ActionCounts.builder().sramRead("activations", 2048, 1, 32).build());
        assertEquals(List.of(
                new CountDifference("sram.activations.capacityBytes", 0, 2048),
                new CountDifference("sram.activations.reads", 0, 1),
                new CountDifference("sram.activations.readBits", 0, 32)), sample().differences(measured));
    }

    @Test
    void oneMemoryCannotHaveTwoCapacities() {
        assertThrows(IllegalStateException.class,
                () -> sample().plus(ActionCounts.builder().sramRead("weights", 2048, 1, 8).build()));
    }

    @Test
    void arithmeticMergesDatapathAndAccumulator() {
        ActionCounts counts = ActionCounts.builder()
                .datapath(OpType.intAdd(32), 3)
                .accumulator(OpType.intAdd(32), 4)
                .build();
        assertEquals(7, counts.arithmetic().get(OpType.intAdd(32)));
    }
}
