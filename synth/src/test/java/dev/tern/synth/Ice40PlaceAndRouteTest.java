package dev.tern.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ice40PlaceAndRouteTest {
    @Test
    void tooManyBlockRamsIsReportedWithTheNeedsAndNoToolRun(@TempDir Path dir) throws IOException {
        ResourceCounts cells = new ResourceCounts(SynthTarget.ICE40, Map.of("SB_LUT4", 6000L, "SB_DFF", 100L, "SB_RAM40_4K", 40L));
        Ice40Implementation result = Ice40PlaceAndRoute.run(dir, dir.resolve("absent.json"), cells, Ice40Device.UP5K, "sg48", 50,
                PinHarness.PINS);

        assertFalse(result.fits());
        assertEquals("does not fit the up5k: needs at least 6000 logic cells (ICESTORM_LC) of 5280, 40 block RAMs (SB_RAM40_4K) of 30",
                result.failure().orElseThrow());
        assertTrue(result.bitstream().isEmpty());
        assertTrue(result.fmaxMhz().isEmpty());
    }

    @Test
    void theHx8kHasNoDsps() {
        ResourceCounts cells = new ResourceCounts(SynthTarget.ICE40, Map.of("SB_MAC16", 1L));
        Ice40Need dsp = Ice40Need.of(cells, Ice40Device.HX8K).get(2);
        assertEquals("1 DSPs (SB_MAC16) of 0", dsp.toString());
        assertFalse(dsp.fits());
    }
}
