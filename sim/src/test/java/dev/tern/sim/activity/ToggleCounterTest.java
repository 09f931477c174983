package dev.tern.sim.activity;

import dev.tern.hdl.Elaborator;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ToggleCounterTest {

    private static Simulator countAndHold() {
        Simulator sim = Simulator.interpret(Elaborator.elaborate(ActivityDesigns.CountAndHold::new));
        sim.reset();
        return sim;
    }

    @Test
    void countingFourCyclesFlipsBitZeroThreeTimesAndBitOneOnce() {
        Simulator sim = countAndHold();
        ToggleCounter toggles = ToggleCounter.attach(sim, path -> path.equals("u_count.value"));
        sim.poke("enable", 1);
        sim.step(4);
        // the value seen before the four edges: 0, 1, 2, 3
        SignalActivity value = toggles.activity("u_count.value");
        assertEquals(4, toggles.cycles());
        assertArrayEquals(new long[] {3, 1}, value.toggles());
        assertArrayEquals(new long[] {2, 2}, value.highCycles());
        assertEquals(4, value.totalToggles());
    }

    @Test
    void aHeldRegisterDoesNotToggleWhileItsEnableIsLow() {
        Simulator sim = countAndHold();
        ToggleCounter toggles = ToggleCounter.attach(sim, path -> path.equals("held"));
        sim.poke("data", 0b1010);
        sim.step(3);
        sim.poke("load", 1);
        sim.step();
        sim.poke("load", 0);
        sim.poke("data", 0b0101);
        sim.step(2);
        // held: 0, 0, 0, 0, 1010, 1010
        assertArrayEquals(new long[] {0, 1, 0, 1}, toggles.activity("held").toggles());
        assertArrayEquals(new long[] {0, 2, 0, 2}, toggles.activity("held").highCycles());
    }

    @Test
    void detachedCounterKeepsItsCounts() {
        Simulator sim = countAndHold();
        ToggleCounter toggles = ToggleCounter.attach(sim, path -> path.equals("u_count.value"));
        sim.poke("enable", 1);
        sim.step(2);
        toggles.detach();
        sim.step(5);
        assertEquals(2, toggles.cycles());
        assertEquals(1, toggles.activity("u_count.value").totalToggles());
    }

    @Test
    void aSelectionMatchingNothingIsNamedInTheError() {
        Simulator sim = countAndHold();
        SimulationException e = assertThrows(SimulationException.class,
                () -> ToggleCounter.attach(sim, path -> path.startsWith("nowhere")));
        assertEquals("toggle counting: no signal of CountAndHold matches the selection", e.getMessage());
    }
}
