package dev.tern.verilog;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.tools.ExternalTool;
import dev.tern.verilog.tools.VerilogChecks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmittedVerilogPassesToolsTest {
    @TempDir
    Path dir;

    /** Wide multipliers take Yosys minutes; they are checked at narrow widths, everything else at every width. */
    @ParameterizedTest
    @CsvSource({"1, true", "3, true", "8, true", "16, true", "64, false", "65, false", "130, false"})
    void operatorZooIsLintCleanAndSynthesises(int width, boolean multipliers) throws Exception {
        Design design = Elaborator.elaborate(() -> new OperatorZoo(width, multipliers));
        List<Path> files = new ArrayList<>(VerilogEmitter.withSourceLocations()
                .write(design, dir, VerilogEmitter.Layout.FILE_PER_MODULE).values());
        String top = design.top().name();
        ToolRequirement.require("verilator");
        ExternalTool.Result lint = VerilogChecks.verilatorLint(dir, files, top);
        assertEquals("", lint.output().strip(), lint.output());
        assertTrue(lint.succeeded());
        ToolRequirement.require("yosys");
        ExternalTool.Result yosys = VerilogChecks.yosys(dir, files, top, "synth");
        assertTrue(yosys.succeeded(), yosys.output());
        ToolRequirement.require("iverilog");
        ExternalTool.Result icarus = VerilogChecks.icarusCompile(dir, files, top);
        assertTrue(icarus.succeeded(), icarus.output());
        assertEquals("", icarus.output().strip(), icarus.output());
    }
}
