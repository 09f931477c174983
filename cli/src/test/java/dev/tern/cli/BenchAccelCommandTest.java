package dev.tern.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchAccelCommandTest {
    @Test
    void isListedWithItsOptions() {
        TernRunner help = TernRunner.run("bench-accel", "--help");

        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("usage: tern bench-accel [--lanes N] [--rows N] [--pipeline K] [--area-only]"), help.out());
        assertTrue(TernRunner.run("--help").out().contains("\n  bench-accel "));
    }

    @Test
    void aConfigurationTheGeneratorRefusesIsAOneLineErrorBeforeAnySynthesis() {
        TernRunner run = TernRunner.run("bench-accel", "--lanes", "48", "--area-only");

        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().startsWith("tern: ") && run.errorLine().contains("48"), run.err());
        assertEquals("", run.out());
    }
}
