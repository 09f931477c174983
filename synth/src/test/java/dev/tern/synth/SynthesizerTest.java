package dev.tern.synth;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthesizerTest {
    private static Design design(String name, String... parameters) {
        return DesignCatalog.examples().elaborate(name, List.of(parameters));
    }

    @Test
    void ice40FlowGivesFmaxUtilisationAndABitstream(@TempDir Path dir) throws IOException {
        ToolRequirement.require("yosys");
        ToolRequirement.require("nextpnr-ice40");
        ToolRequirement.require("icepack");
        SynthResult result = Synthesizer.run(design("adder-tree", "inputs=4"), SynthOptions.of(SynthTarget.ICE40), dir);

        // Four 8-bit operands: two 8-bit adders, then a 9-bit one; one LUT4 and one carry per sum bit.
        assertEquals(8 + 8 + 9, result.area().total().luts());
        assertEquals(result.area().total().luts(), result.area().total().count(CellCategory.CARRY));
        assertTrue(result.area().modules().stream().noneMatch(m -> m.name().endsWith("_harness")), "the harness is not the design's area");
        Ice40Implementation ice40 = result.ice40().orElseThrow();
        assertTrue(ice40.fits(), ice40.failure().orElse(""));
        assertTrue(ice40.fmaxMhz().orElseThrow() > 10, "Fmax " + ice40.fmaxMhz());
        assertEquals(PinHarness.PINS, ice40.utilisation().get("SB_IO").used());
        assertTrue(Files.size(ice40.bitstream().orElseThrow()) > 1000);
        assertTrue(SynthReports.text(result).contains("Fmax "));
        assertTrue(SynthReports.json(result).path("ice40").path("fmax_mhz").asDouble() > 10);
    }

    @Test
    void genericSynthCountsGatesAndOneFlipFlopPerCountBit(@TempDir Path dir) throws IOException {
        ToolRequirement.require("yosys");
        SynthResult result = Synthesizer.run(design("counter", "width=6"), SynthOptions.of(SynthTarget.GENERIC), dir);

        assertEquals(6, result.area().total().flipFlops(), "one per count bit; the wrap flag is combinational");
        assertTrue(result.area().total().count(CellCategory.LOGIC_GATE) > 0);
        assertEquals(0, result.area().total().luts());
        assertTrue(result.ice40().isEmpty());
    }

    @Test
    void aYosysErrorIsOneLineNamingTheTopAndTheLog(@TempDir Path dir) throws IOException {
        ToolRequirement.require("yosys");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("broken.v"), "module broken(input wire a, output wire y); assign y = ; endmodule\n");
        SynthException e = org.junit.jupiter.api.Assertions.assertThrows(SynthException.class,
                () -> YosysSynthesis.run(dir, List.of(Path.of("broken.v")), "broken", SynthTarget.GENERIC, false));
        assertTrue(e.getMessage().startsWith("broken: yosys synth failed: broken.v:1: ERROR: syntax error"), e.getMessage());
        assertTrue(e.getMessage().contains(YosysSynthesis.LOG_FILE), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
