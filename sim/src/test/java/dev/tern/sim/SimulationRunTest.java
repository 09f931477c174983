package dev.tern.sim;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationRunTest {
    static Design counter() {
        return Elaborator.elaborate(() -> new TestDesigns.Accumulator(8));
    }

    @Test
    void stimulusFileDrivesTheRunAndTheWaveformIsWritten(@TempDir Path dir) throws IOException {
        Path stimulus = dir.resolve("count.stim");
        Files.writeString(stimulus, "rst=1\nrst=0 enable=1 increment=2 *4\nenable=0\n");
        Path vcd = dir.resolve("out/count.vcd");
        List<Long> progress = new ArrayList<>();
        SimulationRun.Result result = new SimulationRun(counter(), SimulationRun.Settings.cycles(10)
                .withStimulus(stimulus).withVcd(vcd, List.of()))
                .run((done, total) -> progress.add(done));
        assertEquals(10, result.cycles());
        assertFalse(result.cancelled());
        assertEquals(BigInteger.valueOf(11), result.outputs().get("total"));
        assertEquals(List.of(10L), progress);
        String text = Files.readString(vcd);
        assertTrue(text.contains("$var wire 8 % total [7:0] $end"), text);
        assertTrue(text.endsWith("#100\n1!\n"), text);
    }

    @Test
    void catalogFifoRunsAThousandRandomCyclesIntoAWaveform(@TempDir Path dir) throws IOException {
        Design fifo = dev.tern.hdl.catalog.DesignCatalog.examples().elaborate("fifo", List.of("depth=16", "width=8"));
        Path vcd = dir.resolve("out/fifo.vcd");
        SimulationRun.Result result = new SimulationRun(fifo, SimulationRun.Settings.cycles(1000).withRandomSeed(7)
                .withVcd(vcd, List.of())).run((done, total) -> { });
        assertEquals(1000, result.cycles());
        assertEquals("compiled", result.engine());
        String text = Files.readString(vcd);
        assertTrue(text.startsWith("$version Tern sim $end\n$timescale 1ns $end\n$scope module " + fifo.name() + " $end\n"), text);
        assertTrue(text.contains("\n#9990\n"), "a sample for the last cycle");
        assertTrue(text.endsWith("#10000\n1!\n") || text.contains("\n#10000\n1!\n"));
    }

    @Test
    void withoutStimulusTheDesignIsResetOnce() {
        SimulationRun.Result result = new SimulationRun(counter(), SimulationRun.Settings.cycles(5)
                .withEngine(SimulationRun.EngineChoice.INTERPRETER)).run((done, total) -> { });
        assertEquals("interpreter", result.engine());
        assertEquals(BigInteger.valueOf(3), result.outputs().get("total"));
    }

    @Test
    void cancellingStopsTheRunAndKeepsTheWaveformWhole(@TempDir Path dir) throws IOException {
        Path vcd = dir.resolve("long.vcd");
        AtomicReference<SimulationRun> run = new AtomicReference<>();
        run.set(new SimulationRun(counter(), SimulationRun.Settings.cycles(Long.MAX_VALUE).withRandomSeed(3)
                .withVcd(vcd, List.of("total"))));
        SimulationRun.Result result = run.get().run((done, total) -> run.get().cancel());
        assertTrue(result.cancelled());
        assertTrue(result.cycles() > 0);
        String text = Files.readString(vcd);
        assertTrue(text.endsWith("#" + result.cycles() * 10 + "\n1!\n") || text.contains("#" + result.cycles() * 10 + "\n1!\nb"),
                text.substring(Math.max(0, text.length() - 200)));
    }

    @Test
    void stimulusAndSeedTogetherAreRefused() {
        SimulationException e = assertThrows(SimulationException.class,
                () -> SimulationRun.Settings.cycles(5).withStimulus(Path.of("s.txt")).withRandomSeed(1));
        assertEquals("give a stimulus file or a random seed, not both", e.getMessage());
    }

    @Test
    void missingStimulusFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("none.stim");
        SimulationException e = assertThrows(SimulationException.class,
                () -> new SimulationRun(counter(), SimulationRun.Settings.cycles(5).withStimulus(missing)).run((d, t) -> { }));
        assertEquals("stimulus file " + missing + " does not exist", e.getMessage());
    }
}
