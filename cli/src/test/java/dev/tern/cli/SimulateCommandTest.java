package dev.tern.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void fifoSimulationWritesAWaveform() throws IOException {
        Path vcd = dir.resolve("fifo.vcd");
        TernRunner run = TernRunner.run("simulate", "fifo", "--param", "depth=16", "--param", "width=8", "--cycles", "1000",
                "--vcd", vcd.toString(), "--seed", "1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Fifo_depth16_width8: 1,000 cycles on the compiled engine"), run.out());
        String waveform = Files.readString(vcd);
        assertTrue(waveform.contains("$scope module Fifo_depth16_width8 $end"));
        assertTrue(waveform.contains("#999"), "the waveform covers every cycle");
    }

    @Test
    void bothEnginesEndInTheSameState() {
        TernRunner compiled = TernRunner.run("simulate", "alu", "--cycles", "500", "--seed", "3");
        TernRunner interpreted = TernRunner.run("simulate", "alu", "--cycles", "500", "--seed", "3", "--engine", "interpreter");

        assertEquals(0, interpreted.exitCode(), interpreted.err());
        String outputs = compiled.out().substring(compiled.out().indexOf('\n'));
        assertEquals(outputs, interpreted.out().substring(interpreted.out().indexOf('\n')));
    }

    @Test
    void missingCyclesAndUnknownEngineAreOneLineErrors() {
        assertEquals("tern: --cycles N is required (a number of rising edges, 0 or more)",
                TernRunner.run("simulate", "counter").errorLine());
        TernRunner engine = TernRunner.run("simulate", "counter", "--cycles", "5", "--engine", "gpu");
        assertEquals(2, engine.exitCode());
        assertEquals("tern: unknown engine 'gpu'; engines: compiled, interpreter", engine.errorLine());
    }
}
