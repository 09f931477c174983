package dev.tern.bitnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BitNetConfigTest {
    @Test
    void twoBShapeHasTheShapesAndWeightCountOfBitnet2B4T() {
        BitNetConfig c = BitNetConfig.preset("2b-shape");
        assertEquals(new BitNetConfig(2560, 6912, 30, 20, 5, 128, 128_256, 4096, 500_000f, 1e-5f,
                FfnActivation.RELU2, true, true, RopeStyle.NEOX), c);
        assertEquals(2_084_044_800L, c.ternaryWeightsPerToken());
    }

    @Test
    void tinyAndSmallPresetsAreExact() {
        assertEquals(new BitNetConfig(128, 384, 2, 4, 2, 32, 512, 256, 10_000f, 1e-5f, FfnActivation.RELU2,
                true, true, RopeStyle.NEOX), BitNetConfig.preset("tiny"));
        assertEquals(new BitNetConfig(512, 1536, 4, 8, 4, 64, 2048, 512, 10_000f, 1e-5f, FfnActivation.RELU2,
                true, true, RopeStyle.NEOX), BitNetConfig.preset("small"));
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BitNetConfig.preset("huge"));
        assertEquals("unknown model preset 'huge'; known presets: tiny, small, 2b-shape", e.getMessage());
    }

    @Test
    void headsMustBeAMultipleOfKvHeads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BitNetConfig(64, 64, 1,
                3, 2, 16, 300, 16, 1e4f, 1e-5f, FfnActivation.RELU2, true, true, RopeStyle.NEOX));
        assertEquals("heads (3) is not a multiple of kvHeads (2)", e.getMessage());
    }
}
