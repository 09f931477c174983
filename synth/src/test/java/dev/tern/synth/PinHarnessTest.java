package dev.tern.synth;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.verilog.ActiveLowResetDesigns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's clock and reset pins carry the core's own names, so an active-low reset stays one. */
class PinHarnessTest {
    @Test
    void standardCoreGetsClkAndRstPins() {
        ModuleDef counter = DesignCatalog.examples().elaborate("counter", List.of("width=4")).top();
        String verilog = new PinHarness(counter).verilog();
        assertTrue(verilog.contains("    input  wire clk,\n    input  wire rst,\n"), verilog);
        assertTrue(verilog.contains(".clk(clk),\n        .rst(rst),"), verilog);
    }

    @Test
    void activeLowCoreGetsAclkAndAresetnPins() {
        ModuleDef axi = Elaborator.elaborate(ActiveLowResetDesigns.AxiCounter::new).top();
        String verilog = new PinHarness(axi).verilog();
        assertTrue(verilog.contains("    input  wire aclk,\n    input  wire aresetn,\n"), verilog);
        assertTrue(verilog.contains(".aclk(aclk),\n        .aresetn(aresetn),"), verilog);
        assertTrue(verilog.contains("always @(posedge aclk) in_chain"), verilog);
        assertFalse(verilog.contains(" clk") || verilog.contains("rst"), "no standard clock or reset left: " + verilog);
    }
}
