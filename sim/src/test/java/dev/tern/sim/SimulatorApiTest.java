package dev.tern.sim;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Mem;
import dev.tern.hdl.Output;
import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Design;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the simulator reads in a test, and what it says when it is used wrongly. */
class SimulatorApiTest {
    static final class Adder extends Component {
        Adder() {
            Input a = input("a", sint(8));
            Input b = input("b", sint(8));
            Input wide = input("wide", uint(100));
            output("sum", sint(9)).set(a.addWide(b));
            output("wide_out", uint(100)).set(wide.add(1));
        }
    }

    static final class Buffer extends Component {
        Buffer() {
            Input addr = input("addr", uint(3));
            Input data = input("data", uint(12));
            Input we = input("we", bool());
            Mem words = memory("words", 8, uint(12));
            words.write(addr, data, we);
            Output q = output("q", uint(12));
            q.set(words.read(addr));
        }
    }

    static Design adder() {
        return Elaborator.elaborate(Adder::new);
    }

    static Design buffer() {
        return Elaborator.elaborate(Buffer::new);
    }

    static Design counter() {
        return Elaborator.elaborate(() -> new TestDesigns.Accumulator(8));
    }

    @Test
    void counterReadsLikeATimingDiagram() {
        Simulator sim = Simulator.compile(counter());
        sim.reset();
        assertEquals(3, sim.peek("total"));
        sim.poke("enable", 1);
        sim.poke("increment", 5);
        assertEquals(8, sim.peek("doubled"));
        sim.step(2);
        assertEquals(13, sim.peek("total"));
        assertEquals(3, sim.cycle());
    }

    @Test
    void unknownPortErrorListsThePorts() {
        SimulationException e = assertThrows(SimulationException.class, () -> Simulator.interpret(counter()).port("enabel"));
        assertEquals("design Accumulator_width8 has no port 'enabel'; its ports are rst, enable, increment, total, doubled",
                e.getMessage());
    }

    @Test
    void clockIsDrivenByStepNotPoked() {
        SimulationException e = assertThrows(SimulationException.class, () -> Simulator.interpret(counter()).poke("clk", 1));
        assertEquals("clk is not a port to poke: step() drives the clock of Accumulator_width8", e.getMessage());
    }

    @Test
    void valueWiderThanThePortIsRefusedWithItsRange() {
        Simulator sim = Simulator.interpret(counter());
        SimulationException e = assertThrows(SimulationException.class, () -> sim.poke("increment", 256));
        assertEquals("value 256 does not fit port increment (UInt(8), 0..255)", e.getMessage());
        assertThrows(SimulationException.class, () -> sim.poke("increment", -1));
    }

    @Test
    void signedPortTakesNegativeNumbersAndRawBits() {
        Simulator sim = Simulator.compile(adder());
        sim.poke("a", -128);
        sim.poke("b", 0xFF);
        assertEquals(-129, sim.peek("sum"));
        assertEquals(0x17F, sim.peekRaw(sim.port("sum")));
        SimulationException e = assertThrows(SimulationException.class, () -> sim.poke("a", -129));
        assertEquals("value -129 does not fit port a (SInt(8), -128..255)", e.getMessage());
    }

    @Test
    void wideValuesGoThroughBigIntegersBitsAndWords() {
        Simulator sim = Simulator.compile(adder());
        BigInteger max = BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE);
        sim.pokeBig("wide", max.subtract(BigInteger.ONE));
        assertEquals(max, sim.peekBig("wide_out"));
        sim.poke(sim.port("wide"), Bits.of(100, 41));
        assertEquals(Bits.of(100, 42), sim.peekBits("wide_out"));
        long[] words = new long[2];
        sim.peekWords(sim.port("wide_out"), words, 0);
        assertArrayEquals(new long[] {42, 0}, words);
        SimulationException e = assertThrows(SimulationException.class, () -> sim.peek("wide_out"));
        assertEquals("wide_out is UInt(100), wider than a long; read it with peekBig or peekBits", e.getMessage());
        assertThrows(SimulationException.class, () -> sim.pokeWords(sim.port("wide"), new long[] {0, 1L << 36}));
        assertThrows(SimulationException.class, () -> sim.pokeBig("wide", max.add(BigInteger.ONE)));
    }

    @Test
    void outputsCannotBePoked() {
        SimulationException e = assertThrows(SimulationException.class, () -> Simulator.interpret(counter()).poke("total", 1));
        assertEquals("total is an output of Accumulator_width8; only inputs can be poked (rst, enable, increment)", e.getMessage());
    }

    @Test
    void runUntilCountsCyclesAndStopsAtItsLimit() {
        Simulator sim = Simulator.compile(counter());
        sim.reset();
        sim.poke("enable", 1);
        sim.poke("increment", 1);
        assertEquals(7, sim.runUntil(s -> s.peek("total") == 10, 100));
        assertEquals(0, sim.runUntil(s -> s.peek("total") == 10, 100));
        SimulationException e = assertThrows(SimulationException.class, () -> sim.runUntil(s -> s.peek("total") == 0, 5));
        assertEquals("runUntil: the condition was still false after 5 cycles (at cycle 13 of Accumulator_width8)", e.getMessage());
    }

    @Test
    void handleOfAnotherSimulatorIsRefused() {
        Port other = Simulator.interpret(counter()).port("enable");
        SimulationException e = assertThrows(SimulationException.class, () -> Simulator.compile(counter()).poke(other, 1));
        assertEquals("enable is a handle of another simulator; look it up on this one", e.getMessage());
    }

    @Test
    void internalSignalsAreReadByHierarchicalName() {
        Simulator sim = Simulator.interpret(Elaborator.elaborate(TestDesigns.StatefulMix::new));
        sim.reset();
        assertEquals(3, sim.peek("u_left.value"));
        assertEquals(3, sim.peek("u_left_total"));
        SimulationException e = assertThrows(SimulationException.class, () -> sim.probe("u_left.valeu"));
        assertEquals("design StatefulMix has no signal 'u_left.valeu'; signals in u_left: u_left.rst, u_left.enable, "
                + "u_left.increment, u_left.total, u_left.doubled, u_left.value", e.getMessage());
    }

    @Test
    void combinationalDesignHasNoReset() {
        Simulator sim = Simulator.interpret(adder());
        SimulationException e = assertThrows(SimulationException.class, sim::reset);
        assertEquals("design Adder has no clock, so no reset", e.getMessage());
        sim.step(3);
        assertEquals(3, sim.cycle());
    }

    @Test
    void memoriesLoadAndDumpOutsideTheClock() {
        for (Simulator sim : new Simulator[] {Simulator.interpret(buffer()), Simulator.compile(buffer())}) {
            MemoryView words = sim.memory("words");
            words.load(5, 6, 7);
            sim.poke("addr", 2);
            sim.step();
            assertEquals(7, sim.peek("q"), sim.engine());
            sim.poke("we", 1);
            sim.poke("data", 0xABC);
            sim.step();
            assertArrayEquals(new long[] {5, 6, 0xABC, 0, 0, 0, 0, 0}, words.dump(), sim.engine());
            SimulationException e = assertThrows(SimulationException.class, () -> words.read(8));
            assertEquals("address 8 is outside memory words (depth 8)", e.getMessage());
            e = assertThrows(SimulationException.class, () -> words.write(0, 4096));
            assertEquals("value 4096 does not fit memory words (UInt(12), 0..4095)", e.getMessage());
            e = assertThrows(SimulationException.class, () -> sim.memory("word"));
            assertEquals("design Buffer has no memory 'word'; its memories are words", e.getMessage());
        }
    }

    @Test
    void negativeStepCountIsRefused() {
        SimulationException e = assertThrows(SimulationException.class, () -> Simulator.interpret(counter()).step(-1));
        assertEquals("step: the number of cycles must not be negative, got -1", e.getMessage());
    }
}
