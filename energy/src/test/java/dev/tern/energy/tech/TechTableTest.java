package dev.tern.energy.tech;

import dev.tern.energy.count.OpType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TechTableTest {

    private final TechTable nm7 = TechTables.builtIn("7nm");
    private final TechTable nm45 = TechTables.builtIn("45nm");

    @Test
    void paperArithmeticRatioAt7nmIs71point43FromTheTableAlone() {
        assertEquals(71.43, nm7.paperArithmeticRatio(), 0.01);
        assertEquals((0.34 + 0.16) / 0.007, nm7.paperArithmeticRatio(), 1e-12);
    }

    @Test
    void paperArithmeticRatioAt45nmIsFifty() {
        assertEquals((1.1 + 0.4) / 0.03, nm45.paperArithmeticRatio(), 1e-12);
    }

    @Test
    void listedWidthsCostWhatTheTableSays() {
        assertEquals(0.007, nm7.picojoules(OpType.intAdd(8)), 1e-15);
        assertEquals(0.1, nm45.picojoules(OpType.intAdd(32)), 1e-15);
        assertEquals(3.7, nm45.picojoules(OpType.fpMul(32)), 1e-15);
    }

    @Test
    void widthsBetweenListedOnesInterpolateLinearlyInBits() {
        assertEquals(0.03 + (16 - 8) * (0.1 - 0.03) / (32 - 8), nm45.picojoules(OpType.intAdd(16)), 1e-15);
    }

    @Test
    void widthsOutsideTheListedRangeScaleInProportionToBits() {
        assertEquals(0.007 * 32 / 8, nm7.picojoules(OpType.intAdd(32)), 1e-15);
        assertEquals(0.007 / 8, nm7.picojoules(OpType.intAdd(1)), 1e-15);
        assertEquals(0.1 * 2, nm45.picojoules(OpType.intAdd(64)), 1e-15);
    }

    @Test
    void sramEnergyPerBitFollowsTheCapacityRule() {
        assertEquals(10.0 / 64, nm45.sramPicojoulesPerBit(8 * 1024), 1e-15);
        assertEquals(10.0 / 64, nm45.sramPicojoulesPerBit(1024), 1e-15);
        assertEquals(15.0 / 64, nm45.sramPicojoulesPerBit(16 * 1024), 1e-12);
        assertEquals(20.0 / 64, nm45.sramPicojoulesPerBit(32 * 1024), 1e-15);
        assertEquals(200.0 / 64, nm45.sramPicojoulesPerBit(4L << 20), 1e-12);
    }

    @Test
    void dramTypesCarryTheirFiguresAndSayWhichAreDeviceOnly() {
        assertEquals(70, nm7.dram("DDR3").picojoulesPerBit());
        assertEquals(8, nm7.dram("lpddr4").picojoulesPerBit());
        assertTrue(nm7.dram("LPDDR4").deviceOnly());
        assertEquals(3.9, nm7.dram("HBM2").picojoulesPerBit());
        assertEquals(20, nm7.dram("DDR4").picojoulesPerBit());
    }

    @Test
    void everyBuiltInEntryNamesItsSource() {
        for (TechTable table : new TechTable[] {nm7, nm45}) {
            table.arithmetic().forEach(e -> assertTrue(!e.provenance().source().isBlank()));
            table.sram().forEach(e -> assertTrue(!e.provenance().source().isBlank()));
            table.dram().forEach(e -> assertTrue(!e.provenance().source().isBlank()));
            assertTrue(!table.register().provenance().source().isBlank());
        }
    }
}
