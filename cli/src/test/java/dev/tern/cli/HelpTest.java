package dev.tern.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {
    @Test
    void helpListsTheModelAndEnergyCommands() {
        TernRunner run = TernRunner.run("--help");

        assertEquals(0, run.exitCode());
        for (String command : new String[] {"energy", "make-model", "infer"}) {
            assertTrue(run.out().contains("\n  " + command + " "), run.out());
        }
    }

    @Test
    void commandHelpShowsTheSynopsisAndOptions() {
        TernRunner run = TernRunner.run("infer", "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("usage: tern infer --model PATH --prompt TEXT --tokens N"), run.out());
        assertTrue(run.out().contains("--backend <NAME>"), run.out());
    }
}
