package dev.tern.testbench;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordedStimulusTest {
    private static Design fifo() {
        return DesignCatalog.examples().elaborate("fifo", List.of("depth=4", "width=8"));
    }

    /** Pushes and pops a FIFO by hand, returning what it read out each cycle. */
    private static List<Long> drive(Simulator fifo) {
        List<Long> seen = new ArrayList<>();
        fifo.reset();
        for (int c = 0; c < 20; c++) {
            fifo.poke("in_valid", c % 3 == 0 ? 0 : 1);
            fifo.poke("in_data", 17 * c & 0xff);
            fifo.poke("out_ready", c % 4 == 1 ? 0 : 1);
            seen.add(fifo.peek("out_data") << 1 | fifo.peek("out_valid"));
            fifo.step();
        }
        return seen;
    }

    @Test
    void replayOnAnotherSimulatorRepeatsTheDrivenRunAndHoldsTheLastInputsAfterIt() {
        Design design = fifo();
        Simulator driven = Simulator.compile(design);
        RecordedStimulus recording = RecordedStimulus.attach(driven);
        List<Long> expected = drive(driven);
        assertEquals(21, recording.cycles(), "the reset cycle and twenty driven ones");

        Simulator replay = Simulator.interpret(design);
        List<Long> seen = new ArrayList<>();
        for (int c = 0; c < recording.cycles() + 3; c++) {
            recording.apply(replay, c);
            if (c >= 1 && c <= expected.size()) {
                seen.add(replay.peek("out_data") << 1 | replay.peek("out_valid"));
            }
            if (c >= recording.cycles()) {
                assertEquals(17 * 19 & 0xff, replay.peek("in_data"), "cycle " + c + " holds the last inputs");
            }
            replay.step();
        }
        assertEquals(expected, seen);
    }

    @Test
    void emptyRecordingCannotBeReplayed() {
        Simulator sim = Simulator.compile(fifo());
        RecordedStimulus recording = RecordedStimulus.attach(sim);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> recording.apply(sim, 0));
        assertEquals("nothing to replay: no edge was recorded", e.getMessage());
    }
}
