package dev.tern.testbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorProcessTest {
    @Test
    void simulatorThatStopsAnsweringIsStoppedAndTheFailureSaysSo() throws IOException {
        try (SimulatorProcess process = new SimulatorProcess("verilator", List.of("sleep", "60"), Path.of("."))) {
            process.expectWithin(1);
            long start = System.nanoTime();
            assertEquals(-1, process.fromProcess.read());
            assertTrue(System.nanoTime() - start < 30_000_000_000L);
            assertTrue(process.timedOut());
            assertEquals("verilator failed while simulating: it did not answer in time and was stopped",
                    process.failure("simulating", null).getMessage());
        }
    }
}
