package dev.tern.synth;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthTargetTest {
    @Test
    void ice40CellsFallInTheirCategories() {
        SynthTarget t = SynthTarget.ICE40;
        assertEquals(CellCategory.LUT, t.categoryOf("SB_LUT4"));
        assertEquals(CellCategory.FLIP_FLOP, t.categoryOf("SB_DFFESR"));
        assertEquals(CellCategory.CARRY, t.categoryOf("SB_CARRY"));
        assertEquals(CellCategory.BLOCK_RAM, t.categoryOf("SB_RAM40_4K"));
        assertEquals(CellCategory.DSP, t.categoryOf("SB_MAC16"));
        assertEquals(CellCategory.OTHER, t.categoryOf("SB_IO"));
    }

    @Test
    void xilinxCellsFallInTheirCategories() {
        SynthTarget t = SynthTarget.XILINX;
        assertEquals(CellCategory.LUT, t.categoryOf("LUT6"));
        assertEquals(CellCategory.FLIP_FLOP, t.categoryOf("FDRE"));
        assertEquals(CellCategory.CARRY, t.categoryOf("CARRY4"));
        assertEquals(CellCategory.BLOCK_RAM, t.categoryOf("RAMB36E1"));
        assertEquals(CellCategory.DSP, t.categoryOf("DSP48E1"));
        assertEquals(CellCategory.OTHER, t.categoryOf("MUXF7"));
    }

    @Test
    void genericGatesAndFlipFlopsAreTold() {
        SynthTarget t = SynthTarget.GENERIC;
        assertEquals(CellCategory.FLIP_FLOP, t.categoryOf("$_SDFFE_PP0P_"));
        assertEquals(CellCategory.FLIP_FLOP, t.categoryOf("$_DFF_P_"));
        assertEquals(CellCategory.LOGIC_GATE, t.categoryOf("$_AND_"));
        assertEquals(CellCategory.BLOCK_RAM, t.categoryOf("$mem_v2"));
    }

    @Test
    void resourceCountsSumByCategory() {
        ResourceCounts counts = new ResourceCounts(SynthTarget.ICE40, Map.of("SB_LUT4", 5L, "SB_DFF", 2L, "SB_DFFE", 3L));
        assertEquals(5, counts.luts());
        assertEquals(5, counts.flipFlops());
        assertEquals(15, counts.times(3).luts());
        assertEquals(10, counts.plus(counts).flipFlops());
    }

    @Test
    void unknownTargetListsTheKnownOnes() {
        SynthException e = assertThrows(SynthException.class, () -> SynthTarget.parse("ecp5"));
        assertTrue(e.getMessage().contains("xilinx, ice40, generic"), e.getMessage());
    }
}
