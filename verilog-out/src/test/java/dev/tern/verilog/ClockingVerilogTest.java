package dev.tern.verilog;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.tools.ExternalTool;
import dev.tern.verilog.tools.VerilogChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A module's declared clock and reset become its ports, its edges and its reset condition; submodules get their own polarity. */
class ClockingVerilogTest {
    @TempDir
    Path dir;

    private static String verilog(Supplier<Component> top) {
        return VerilogEmitter.withoutSourceLocations().singleFile(Elaborator.elaborate(top));
    }

    @Test
    void activeLowResetDesignsMatchGoldenVerilog() throws IOException {
        GoldenVerilog.assertMatches("active-low-reset", verilog(ActiveLowResetDesigns.StandardTop::new));
    }

    @Test
    void activeLowModuleDeclaresItsPortsAndResetsOnLow() {
        String text = verilog(ActiveLowResetDesigns.AxiCounter::new);
        assertTrue(text.contains("// clock: aclk (rising edge); reset: aresetn (synchronous, active low)\nmodule AxiCounter ("), text);
        assertTrue(text.contains("    input  wire aclk,\n    input  wire aresetn,\n"), text);
        assertTrue(text.contains("always @(posedge aclk) begin\n        if (~aresetn) begin\n            held <= 4'd10;"), text);
        assertTrue(text.contains(".clk(aclk),\n        .rst(~aresetn),"), "the standard counter inside: " + text);
    }

    @Test
    void standardParentDrivesAnActiveLowChildInverted() {
        String text = verilog(ActiveLowResetDesigns.StandardTop::new);
        assertTrue(text.contains(".aclk(clk),\n        .aresetn(~rst),"), text);
    }

    @Test
    void activeLowDesignsAreLintCleanAndSynthesise() throws IOException {
        for (Supplier<Component> top : List.<Supplier<Component>>of(ActiveLowResetDesigns.AxiCounter::new,
                ActiveLowResetDesigns.StandardTop::new)) {
            Design design = Elaborator.elaborate(top);
            Path out = dir.resolve(design.top().name());
            List<Path> files = new ArrayList<>(VerilogEmitter.withSourceLocations()
                    .write(design, out, VerilogEmitter.Layout.FILE_PER_MODULE).values());
            ToolRequirement.require("verilator");
            ExternalTool.Result lint = VerilogChecks.verilatorLint(out, files, design.top().name());
            assertEquals("", lint.output().strip(), "verilator -Wall on " + design.top().name());
            ToolRequirement.require("yosys");
            ExternalTool.Result yosys = VerilogChecks.yosys(out, files, design.top().name(), "synth");
            assertTrue(yosys.succeeded(), yosys.output());
        }
    }
}
