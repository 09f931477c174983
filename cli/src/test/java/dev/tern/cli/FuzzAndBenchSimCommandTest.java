package dev.tern.cli;

import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzAndBenchSimCommandTest {
    @Test
    void fuzzEndsWithTheSummaryLine(@TempDir Path dir) {
        ToolRequirement.require("verilator");
        TernRunner run = TernRunner.run("fuzz", "--seconds", "1", "--seed", "77", "--batch", "3", "--cycles", "20",
                "--save", dir.resolve("regressions.txt").toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        // A cached Verilator build can leave time for more than one batch of 3 designs within the second.
        java.util.regex.Matcher summary = java.util.regex.Pattern.compile("fuzz: (\\d+) designs, (\\d+) cycles, 0 mismatches\\R\\z")
                .matcher(run.out());
        assertTrue(summary.find(), run.out());
        int designs = Integer.parseInt(summary.group(1));
        assertTrue(designs >= 3 && designs % 3 == 0, run.out());
        assertEquals(designs * 20L, Long.parseLong(summary.group(2)), run.out());
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
    void benchSimMeasuresTheAcceleratorWithTheKernelGoal() {
        TernRunner run = TernRunner.run("bench-sim", "--engines", "interpreter", "--designs", "accelerator", "--seconds", "0.05",
                "--warmup", "0.05");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("ternary-matmul ") && l.contains(" interpreter ")), run.out());
    }

    @Test
    void benchSimRejectsAnUnknownEngine() {
        TernRunner run = TernRunner.run("bench-sim", "--engines", "modelsim");
        assertEquals(2, run.exitCode());
        assertEquals("tern: --engines: unknown engine 'modelsim'; engines: interpreter, compiled, verilator, icarus", run.errorLine());
    }
}
