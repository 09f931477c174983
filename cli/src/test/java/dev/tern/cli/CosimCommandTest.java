package dev.tern.cli;

import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CosimCommandTest {
    @Test
    void counterPassesAgainstVerilatorWithAProbe() {
        ToolRequirement.require("verilator");
        TernRunner run = TernRunner.run("cosim", "counter", "--param", "width=12", "--cycles", "3000", "--with", "verilator",
                "--probe", "value");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("verilator: 3000 cycles, 8997 values compared, no mismatch"), run.out());
    }

    @Test
    void unknownToolIsAOneLineUsageError() {
        TernRunner run = TernRunner.run("cosim", "counter", "--cycles", "10", "--with", "modelsim");
        assertEquals(2, run.exitCode());
        assertEquals("tern: --with: unknown Verilog simulator 'modelsim'; use verilator or icarus", run.errorLine());
    }

    @Test
    void missingCycleCountIsAOneLineUsageError() {
        TernRunner run = TernRunner.run("cosim", "counter");
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("--cycles N is required"), run.errorLine());
    }
}
