package dev.tern.accel.baseline;

import dev.tern.accel.EmittedVerilog;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.ToolRequirement;
import dev.tern.verilog.tools.ExternalTool;
import dev.tern.verilog.tools.VerilogChecks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MAC units' Verilog at a small size: Verilator -Wall clean, Icarus compiles, Yosys {@code synth} succeeds. */
class MacArrayVerilogTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} lanes={1} rows={2}")
    @CsvSource({
            "INT8, 4, 2",
            "FP16, 2, 1",
    })
    void unitIsLintCleanCompilesAndSynthesises(MacPrecision precision, int lanes, int rows) throws IOException {
        Design design = Elaborator.elaborate(() -> new MacArrayUnit(new MacArrayConfig(precision, lanes, rows, 8, 4)));
        List<Path> files = EmittedVerilog.write(design, dir);
        String top = design.top().name();

        EmittedVerilog.assertLintCleanAndCompiles(dir, files, top);
        ToolRequirement.require("yosys");
        ExternalTool.Result synthesis = VerilogChecks.yosys(dir, files, top, "synth");
        assertTrue(synthesis.succeeded(), synthesis.output());
    }
}
