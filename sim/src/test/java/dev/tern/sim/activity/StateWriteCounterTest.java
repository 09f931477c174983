package dev.tern.sim.activity;

import dev.tern.hdl.Elaborator;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StateWriteCounterTest {

    @Test
    void registerWithEnableIsWrittenOnlyOnEdgesWhereTheEnableIsHigh() {
        Simulator sim = Simulator.interpret(Elaborator.elaborate(ActivityDesigns.CountAndHold::new));
        sim.reset();
        StateWriteCounter writes = StateWriteCounter.attach(sim);
        sim.step(2);
        sim.poke("load", 1);
        sim.step(3);
        assertEquals(new StateWriteCounter.RegisterWrites("held", 4, 3), writes.registers().get("held"));
        assertEquals(12, writes.registers().get("held").bits());
    }

    @Test
    void memoryPortsCountOnlyEnabledEdgesEvenWhenTheEnableIsAnExpression() {
        Simulator sim = Simulator.compile(Elaborator.elaborate(ActivityDesigns.Buffer::new));
        StateWriteCounter writes = StateWriteCounter.attach(sim);
        sim.poke("we", 1);
        sim.poke("addr", 3);
        sim.step(2);
        // address 7 is excluded from writes by the enable expression
        sim.poke("addr", 7);
        sim.step();
        sim.poke("we", 0);
        sim.poke("re", 1);
        sim.step(4);
        StateWriteCounter.MemoryAccesses words = writes.memory("words");
        assertEquals(new StateWriteCounter.MemoryAccesses("words", 12, 8, 4, 2), words);
    }

    @Test
    void unknownMemoryIsNamedWithTheOnesThereAre() {
        Simulator sim = Simulator.interpret(Elaborator.elaborate(ActivityDesigns.Buffer::new));
        StateWriteCounter writes = StateWriteCounter.attach(sim);
        SimulationException e = assertThrows(SimulationException.class, () -> writes.memory("ram"));
        assertEquals("state writes: Buffer has no memory ram; it has [words]", e.getMessage());
    }
}
