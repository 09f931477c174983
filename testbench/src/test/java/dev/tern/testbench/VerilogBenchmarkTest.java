package dev.tern.testbench;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.sim.bench.SimBenchmark;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerilogBenchmarkTest {
    private static final SimBenchmark.Case COUNTER =
            new SimBenchmark.Case("counter", DesignCatalog.examples().elaborate("counter", List.of()));

    @Test
    void verilatorRowMeasuresAFreshBuildAndAtLeastTheMeasuringTime() {
        ToolRequirement.require("verilator");
        SimBenchmark.Measurement m = new VerilogBenchmark(1, 0.05, 0.2, 64).measure(COUNTER, VerilogTool.VERILATOR);
        assertEquals("verilator", m.engine());
        assertTrue(m.seconds() >= 0.2 && m.cycles() > 0 && m.setupSeconds() > 0, m.toString());
        assertEquals(m.cycles() / m.seconds(), m.cyclesPerSecond(), 1e-6 * m.cyclesPerSecond());
    }

    @Test
    void icarusRowSubtractsStartUpFromTheMeasuredRun() {
        ToolRequirement.require("iverilog");
        SimBenchmark.Measurement m = new VerilogBenchmark(1, 0.05, 0.2, 64).measure(COUNTER, VerilogTool.ICARUS);
        assertEquals("icarus", m.engine());
        assertTrue(m.seconds() >= 0.2 && m.cycles() > 0 && m.setupSeconds() > 0, m.toString());
    }

    @Test
    void verilatorWindowsAlternateWithTheCompiledEnginesOnTheSameStimulus() {
        ToolRequirement.require("verilator");
        try (SimBenchmark.Session compiled = new SimBenchmark(1, 0.05, 0.2, 64).start(COUNTER, SimBenchmark.Engine.COMPILED);
             SimBenchmark.Session verilator = new VerilogBenchmark(1, 0.05, 0.2, 64).verilatorSession(COUNTER)) {
            SimBenchmark.Paired pair = SimBenchmark.paired("counter", compiled, verilator, 0.2);
            assertEquals("verilator", pair.second().engine());
            assertTrue(pair.second().cycles() > 0 && pair.second().seconds() >= 0.2 * 0.9 && pair.second().setupSeconds() > 0,
                    pair.second().toString());
            assertTrue(pair.medianRatio() > 0, "a ratio of two measured speeds");
        }
    }
}
