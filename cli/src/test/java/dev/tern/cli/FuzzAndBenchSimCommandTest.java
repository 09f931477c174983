package dev.tern.cli;

import dev.tern.verilog.tools.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FuzzAndBenchSimCommandTest {
    @Test
    void fuzzEndsWithTheSummaryLine(@TempDir Path dir) {
        assumeTrue(ExternalTool.isAvailable("verilator"), "verilator is not installed");
        TernRunner run = TernRunner.run("fuzz", "--seconds", "1", "--seed", "77", "--batch", "3", "--cycles", "20",
                "--save", dir.resolve("regressions.txt").toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().endsWith("fuzz: 3 designs, 60 cycles, 0 mismatches" + System.lineSeparator()), run.out());
    }

    @Test
    void fuzzNeedsItsDuration() {
        TernRunner run = TernRunner.run("fuzz");
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("--seconds N is required"), run.errorLine());
    }

    @Test
    void benchSimPrintsATableRowAndJsonRowPerDesignAndEngine() {
        TernRunner run = TernRunner.run("bench-sim", "--engines", "interpreter", "--designs", "catalog", "--seconds", "0.05",
                "--warmup", "0.05", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"design\" : \"fifo\"") && run.out().contains("\"cycles_per_s\""), run.out());
        assertEquals(4, run.out().lines().filter(l -> l.contains(" interpreter ")).count(), run.out());
    }

    @Test
    void benchSimRejectsAnUnknownEngine() {
        TernRunner run = TernRunner.run("bench-sim", "--engines", "modelsim");
        assertEquals(2, run.exitCode());
        assertEquals("tern: --engines: unknown engine 'modelsim'; engines: interpreter, compiled, verilator, icarus", run.errorLine());
    }
}
