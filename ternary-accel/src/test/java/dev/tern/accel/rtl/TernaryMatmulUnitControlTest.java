package dev.tern.accel.rtl;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.WeightEncoding;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The unit's control seen at its ports: empty jobs, bank swaps, SRAM-full back-pressure, streams closed on a start's edge. */
class TernaryMatmulUnitControlTest {
    private static Simulator unit() {
        AcceleratorConfig config = new AcceleratorConfig(16, 1, 1, WeightEncoding.TWO_BIT, 4, 2);
        Simulator sim = Simulator.compile(Elaborator.elaborate(() -> new TernaryMatmulUnit(config)));
        sim.reset();
        sim.poke("result_out_ready", 1);
        return sim;
    }

    @Test
    void jobWithNoTilesFinishesAtOnceWithoutBusy() {
        try (Simulator sim = unit()) {
            sim.poke("in_tiles", 0);
            sim.poke("row_groups", 3);
            sim.poke("start", 1);
            sim.step();
            assertEquals(0, sim.peek("busy"));
            assertEquals(1, sim.peek("done"));
            assertEquals(0, sim.peek("result_out_valid"));
        }
    }

    @Test
    void activationBankFillsUpToItsDepthAndTheNextStartSwapsBanks() {
        try (Simulator sim = unit()) {
            sim.poke("activation_in_valid", 1);
            sim.step(2);
            assertEquals(0, sim.peek("activation_in_ready"), "two words fill a bank of depth 2");
            sim.poke("in_tiles", 2);
            sim.poke("row_groups", 1);
            sim.poke("start", 1);
            sim.step();
            sim.poke("start", 0);
            assertEquals(1, sim.peek("activation_in_ready"), "the other bank is empty");
            sim.step(2);
            assertEquals(0, sim.peek("activation_in_ready"), "and full after two more words");
        }
    }

    @Test
    void startEdgeAcceptsNoWordBecauseTheBanksSwapUnderIt() {
        try (Simulator sim = unit()) {
            sim.poke("weight_in_valid", 1);
            sim.poke("activation_in_valid", 1);
            sim.poke("in_tiles", 1);
            sim.poke("row_groups", 1);
            sim.poke("start", 1);
            sim.evaluate();
            assertEquals(0, sim.peek("weight_in_ready"));
            assertEquals(0, sim.peek("activation_in_ready"));
            sim.step();
            sim.poke("start", 0);
            sim.evaluate();
            assertEquals(1, sim.peek("weight_in_ready"), "the job runs, the free banks are open");
            assertEquals(1, sim.peek("activation_in_ready"));
        }
    }

    @Test
    void fullSramClosesItsStreamAndStartReopensIt() {
        try (Simulator sim = unit()) {
            sim.poke("weight_in_valid", 1);
            for (int word = 0; word < 4; word++) {
                assertEquals(1, sim.peek("weight_in_ready"), "word " + word);
                sim.step();
            }
            assertEquals(0, sim.peek("weight_in_ready"), "four words fill a depth-4 SRAM");
            sim.poke("weight_in_valid", 0);
            sim.poke("in_tiles", 1);
            sim.poke("row_groups", 4);
            sim.poke("start", 1);
            sim.step();
            sim.poke("start", 0);
            assertEquals(1, sim.peek("busy"));
            assertEquals(1, sim.peek("weight_in_ready"), "open while busy: the job reads the other weight bank");
            assertEquals(1, sim.peek("activation_in_ready"), "open while busy: the job reads the other activation bank");
            for (int edge = 0; edge < 100 && sim.peek("busy") == 1; edge++) {
                sim.step();
            }
            assertEquals(1, sim.peek("done"));
            assertEquals(1, sim.peek("weight_in_ready"), "the pointer is back at 0 after start");
        }
    }
}
