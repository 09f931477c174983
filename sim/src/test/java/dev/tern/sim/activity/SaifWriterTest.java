package dev.tern.sim.activity;

import dev.tern.hdl.Elaborator;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SaifWriterTest {

    @Test
    void twoBitCounterOverFourCyclesAsWorkedOutByHand() {
        Simulator sim = Simulator.interpret(Elaborator.elaborate(ActivityDesigns.CountAndHold::new));
        sim.reset();
        ToggleCounter toggles = ToggleCounter.attach(sim, path -> path.equals("u_count.value") || path.equals("load"));
        sim.poke("enable", 1);
        sim.step(3);
        sim.poke("load", 1);
        sim.step();
        // value 0, 1, 2, 3: bit 0 high in 2 of 4 cycles (20 of 40 ns), 3 flips; bit 1 high 2, 1 flip.
        // load 0, 0, 0, 1: high 10 ns, 1 flip.
        String expected = """
                (SAIFILE
                (SAIFVERSION "2.0")
                (DIRECTION "backward")
                (DESIGN "CountAndHold")
                (VENDOR "Tern")
                (PROGRAM_NAME "tern sim")
                (DIVIDER / )
                (TIMESCALE 1 ns)
                (DURATION 40)
                (INSTANCE CountAndHold
                  (NET
                    (load (T0 30) (T1 10) (TX 0) (TC 1) (IG 0))
                  )
                  (INSTANCE u_count
                    (NET
                      (value\\[0\\] (T0 20) (T1 20) (TX 0) (TC 3) (IG 0))
                      (value\\[1\\] (T0 20) (T1 20) (TX 0) (TC 1) (IG 0))
                    )
                  )
                )
                )
                """;
        assertEquals(expected, SaifWriter.toSaif(sim.netlist(), toggles, SaifWriter.DEFAULT_PERIOD_NS));
    }

    @Test
    void writesTheSameTextToAFile(@TempDir Path dir) throws Exception {
        Simulator sim = Simulator.interpret(Elaborator.elaborate(ActivityDesigns.CountAndHold::new));
        sim.reset();
        ToggleCounter toggles = ToggleCounter.attach(sim, path -> path.equals("held"));
        sim.step(2);
        Path file = dir.resolve("activity.saif");
        SaifWriter.write(file, sim.netlist(), toggles, 5);
        assertEquals(SaifWriter.toSaif(sim.netlist(), toggles, 5), Files.readString(file));
    }

    @Test
    void escapesCharactersOtherThanLettersDigitsAndUnderscore() {
        assertEquals("a\\.b\\[3\\]_c", SaifWriter.escape("a.b[3]_c"));
    }
}
