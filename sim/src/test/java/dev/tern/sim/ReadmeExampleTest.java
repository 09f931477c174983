package dev.tern.sim;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.sim.vcd.VcdWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples of sim/README.md, as written there. */
class ReadmeExampleTest {
    @Test
    void fifoExampleRunsAsDocumented(@TempDir Path dir) {
        Path waveform = dir.resolve("out/fifo.vcd");
        long word;
        long stored;
        Simulator sim = Simulator.compile(DesignCatalog.examples().elaborate("fifo", List.of("depth=16")));
        try (sim) {
            VcdWriter.open(sim, waveform);
            sim.reset();
            sim.poke("in_valid", 1);
            sim.poke("in_data", 0x2a);
            sim.step();
            sim.poke("in_valid", 0);
            sim.poke("out_ready", 1);
            sim.runUntil(s -> s.peek("out_valid") == 1, 10);
            word = sim.peek("out_data");
            stored = sim.memory("storage").read(0);
        }
        assertEquals(0x2a, word);
        assertEquals(0x2a, stored);
        assertTrue(Files.isRegularFile(waveform));
    }

    @Test
    void batchExampleRunsAsDocumented() {
        Simulator sim = Simulator.compile(DesignCatalog.examples().elaborate("counter", List.of()));
        BatchLayout layout = sim.batchLayout();
        int cycles = 100;
        long[] in = new long[cycles * layout.inputWords()];
        long[] out = new long[cycles * layout.outputWords()];
        layout.set(in, 0, sim.port("rst"), 1);
        for (int c = 1; c < cycles; c++) {
            layout.set(in, c, sim.port("enable"), 1);
        }
        sim.run(in, out);
        assertEquals(98, layout.get(out, 99, sim.port("count")));
        assertEquals(99, sim.peek("count"));
    }
}
