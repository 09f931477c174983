package dev.tern.synth;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.ToolRequirement;
import dev.tern.verilog.VerilogEmitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /** The iCE40 netlist of a catalog design inside the pin harness, as the synth flow writes it. */
    private static Path harnessedNetlist(Path dir, String design, String... parameters) throws IOException {
        Design elaborated = DesignCatalog.examples().elaborate(design, List.of(parameters));
        List<Path> files = new ArrayList<>();
        Path verilog = dir.resolve("verilog");
        for (String name : VerilogEmitter.withoutSourceLocations().write(elaborated, verilog, VerilogEmitter.Layout.FILE_PER_MODULE).keySet()) {
            files.add(Path.of("verilog", name));
        }
        PinHarness harness = new PinHarness(elaborated.top());
        Files.writeString(verilog.resolve(harness.name() + ".v"), harness.verilog(), StandardCharsets.UTF_8);
        files.add(Path.of("verilog", harness.name() + ".v"));
        return YosysSynthesis.run(dir, files, harness.name(), SynthTarget.ICE40, true).netlist().orElseThrow();
    }

    /**
     * 32 chained block RAMs (a test resource) against the UP5K's 30, with counts understated so that the fit
     * check lets the netlist through to nextpnr, which must refuse it.
     */
    @Test
    void aNetlistThatNextpnrCannotPlaceIsReportedAsNotFittingWithNextpnrsReason(@TempDir Path dir) throws IOException {
        ToolRequirement.require("yosys");
        ToolRequirement.require("nextpnr-ice40");
        Path work = dir.toAbsolutePath();
        try (InputStream in = getClass().getResourceAsStream("too_many_brams.v")) {
            Files.write(work.resolve("too_many_brams.v"), in.readAllBytes());
        }
        Path netlist = YosysSynthesis.run(work, List.of(Path.of("too_many_brams.v")), "too_many_brams", SynthTarget.ICE40, true)
                .netlist().orElseThrow();
        ResourceCounts understated = new ResourceCounts(SynthTarget.ICE40, Map.of("SB_LUT4", 10L, "SB_RAM40_4K", 1L));

        Ice40Implementation result = Ice40PlaceAndRoute.run(work, netlist, understated, Ice40Device.UP5K, "sg48", 50, PinHarness.PINS);

        assertFalse(result.fits());
        String failure = result.failure().orElseThrow();
        assertTrue(failure.startsWith("does not fit the up5k (") && failure.contains("ICESTORM_RAM"), failure);
        assertTrue(result.bitstream().isEmpty());
    }

    @Test
    void aNextpnrErrorThatIsNotAboutCapacityIsASynthErrorQuotingIt(@TempDir Path dir) throws IOException {
        ToolRequirement.require("yosys");
        ToolRequirement.require("nextpnr-ice40");
        Path netlist = harnessedNetlist(dir.toAbsolutePath(), "counter", "width=4");
        ResourceCounts cells = new ResourceCounts(SynthTarget.ICE40, Map.of("SB_LUT4", 10L));

        SynthException e = assertThrows(SynthException.class, () -> Ice40PlaceAndRoute.run(dir.toAbsolutePath(), netlist, cells,
                Ice40Device.UP5K, "no-such-package", 50, PinHarness.PINS));

        assertTrue(e.getMessage().startsWith("nextpnr-ice40 failed on " + netlist + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-package") && e.getMessage().contains(Ice40PlaceAndRoute.LOG_FILE), e.getMessage());
    }

    @Test
    void theHx8kHasNoDsps() {
        ResourceCounts cells = new ResourceCounts(SynthTarget.ICE40, Map.of("SB_MAC16", 1L));
        Ice40Need dsp = Ice40Need.of(cells, Ice40Device.HX8K).get(2);
        assertEquals("1 DSPs (SB_MAC16) of 0", dsp.toString());
        assertFalse(dsp.fits());
    }
}
