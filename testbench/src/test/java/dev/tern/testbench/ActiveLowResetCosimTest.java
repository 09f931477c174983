package dev.tern.testbench;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.CycleSimulation;
import dev.tern.sim.Simulator;
import dev.tern.sim.stimulus.RandomStimulus;
import dev.tern.verilog.ActiveLowResetDesigns;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Designs reset by {@code aresetn}, asserted low, behave alike in the Java simulator and in Verilog simulators. */
class ActiveLowResetCosimTest {
    private static Design axiCounter() {
        return Elaborator.elaborate(ActiveLowResetDesigns.AxiCounter::new);
    }

    @Test
    void activeLowTopMatchesVerilatorEveryCycleThroughRandomResets() {
        ToolRequirement.require("verilator");
        Cosim.assertEquivalent(axiCounter(), new RandomStimulus(21, 8), 3000, VerilogTool.VERILATOR,
                List.of("held", "counter.rst", "counter.value"));
    }

    @Test
    void activeLowSubmoduleOfAStandardTopMatchesIcarus() {
        ToolRequirement.require("iverilog");
        Cosim.assertEquivalent(Elaborator.elaborate(ActiveLowResetDesigns.StandardTop::new), new RandomStimulus(22, 8), 1000,
                VerilogTool.ICARUS, List.of("inner.aresetn", "inner.held"));
    }

    @Test
    void verilatorCycleSimulationResetsByDrivingTheInputLow() {
        ToolRequirement.require("verilator");
        Design design = axiCounter();
        try (Simulator java = Simulator.compile(design); CycleSimulation verilator = VerilatorCycleSimulation.start(design)) {
            for (CycleSimulation sim : List.of(java, verilator)) {
                sim.poke("tick", 1);
                sim.poke("load", 1);
                sim.poke("value", 3);
                sim.reset();
                assertEquals(1, sim.peek("aresetn"), sim + " releases the reset");
                assertEquals(0xA, sim.peek("held_out"), sim + " loads the reset value");
                assertEquals(0, sim.peek("count"), sim.toString());
                sim.step();
                assertEquals(3, sim.peek("held_out"), sim.toString());
                assertEquals(1, sim.peek("count"), sim.toString());
            }
        }
    }

    @Test
    void benchHarnessesAssertTheResetLowInTheirFirstRow() {
        BusLayout layout = BusLayout.of(List.of(new BusLayout.Member(Simulator.interpret(axiCounter()), List.of())));
        assertEquals("aresetn", layout.duts().get(0).reset().orElseThrow().signal());
        String cpp = VerilatorHarnessSource.cpp(layout);
        assertTrue(cpp.contains("static const uint64_t RESET_ASSERTED = 0;\n"), cpp);
        assertTrue(cpp.contains("static const uint64_t RESET_RELEASED = 1;\n"), cpp);
        String icarus = IcarusSpeedBench.verilog(layout, CosimTopWriter.TOP, 1, 16);
        assertTrue(icarus.contains("= (r == 0) ? 64'd0 : 64'd1;"), icarus);
        assertTrue(CosimTopWriter.top(layout).contains(".aclk(clk)"), "the cosimulation top clocks aclk");
    }
}
