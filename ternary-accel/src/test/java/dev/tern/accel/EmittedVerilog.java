package dev.tern.accel;

import dev.tern.accel.bench.XilinxSynthesis;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.ToolRequirement;
import dev.tern.verilog.VerilogEmitter;
import dev.tern.verilog.tools.ExternalTool;
import dev.tern.verilog.tools.VerilogChecks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accelerator tests' one way to write a design's Verilog and hold it to the external tools. */
public final class EmittedVerilog {
    private EmittedVerilog() {
    }

    /** The design's Verilog, a file per module, in {@code dir}; the files written. */
    public static List<Path> write(Design design, Path dir) throws IOException {
        return new ArrayList<>(VerilogEmitter.withoutSourceLocations().write(design, dir, VerilogEmitter.Layout.FILE_PER_MODULE).values());
    }

    /** Verilator {@code --lint-only -Wall} says nothing and Icarus compiles it without a word. */
    public static void assertLintCleanAndCompiles(Path dir, List<Path> files, String top) throws IOException {
        ToolRequirement.require("verilator");
        ExternalTool.Result lint = VerilogChecks.verilatorLint(dir, files, top);
        assertEquals("", lint.output().strip(), "verilator -Wall on " + top);
        ToolRequirement.require("iverilog");
        ExternalTool.Result icarus = VerilogChecks.icarusCompile(dir, files, top);
        assertTrue(icarus.succeeded() && icarus.output().isBlank(), icarus.output());
    }

    /** Yosys {@code synth_xilinx} maps it to LUTs and no DSP cell. */
    public static void assertMapsToLutsWithoutDsp(Path dir, List<Path> files, String top) throws IOException {
        ToolRequirement.require("yosys");
        XilinxSynthesis synthesis = XilinxSynthesis.of(dir, files, top);
        assertTrue(synthesis.run().succeeded(), synthesis.run().output());
        assertTrue(synthesis.luts() > 0, "no LUTs in " + synthesis.cells());
        assertEquals(0, synthesis.dsps(), "DSP cells in " + synthesis.cells());
    }
}
