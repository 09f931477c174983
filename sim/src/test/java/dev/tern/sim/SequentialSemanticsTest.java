package dev.tern.sim;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Mem;
import dev.tern.hdl.Reg;
import dev.tern.hdl.ir.Design;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Registers, reset, memories and hierarchy behave as the emitted Verilog does, on both engines. */
class SequentialSemanticsTest {
    static Simulator simulate(String engine, Design design) {
        return engine.equals("compiled") ? Simulator.compile(design) : Simulator.interpret(design);
    }

    static final class Registers extends Component {
        Registers() {
            Input d = input("d", uint(8));
            Input en = input("en", bool());
            Reg withReset = reg("with_reset", uint(8), 0x5A);
            withReset.set(d);
            withReset.enableWhen(en);
            Reg without = reg("without", uint(8));
            without.set(d);
            output("a", uint(8)).set(withReset);
            output("b", uint(8)).set(without);
        }
    }

    static final class Swap extends Component {
        Swap() {
            Input load = input("load", bool());
            Reg x = reg("x", uint(4), 1);
            Reg y = reg("y", uint(4), 2);
            Reg z = reg("z", uint(4), 0);
            when(load.not(), () -> {
                x.set(y);
                y.set(x);
                z.set(x.add(y));
            });
            output("xyz", uint(12)).set(cat(x, y, z));
        }
    }

    /** Two write ports and two read ports on one memory, one read enabled. */
    static final class Ram extends Component {
        Ram() {
            Input addrA = input("addr_a", uint(2));
            Input addrB = input("addr_b", uint(2));
            Input dataA = input("data_a", uint(70));
            Input dataB = input("data_b", uint(70));
            Input weA = input("we_a", bool());
            Input weB = input("we_b", bool());
            Input re = input("re", bool());
            Mem ram = memory("ram", 4, uint(70)).init(1, 2, 3, 4);
            ram.write(addrA, dataA, weA);
            ram.write(addrB, dataB, weB);
            output("q_a", uint(70)).set(ram.read(addrA));
            output("q_b", uint(70)).set(ram.read(addrB, re));
            Reg count = reg("count", uint(4), 0);
            count.set(count.add(1));
            output("count_out", uint(4)).set(count);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    void resetWinsOverEnableAndOnlyResetRegistersObeyIt(String engine) {
        Simulator sim = simulate(engine, Elaborator.elaborate(Registers::new));
        assertEquals(0, sim.peek("a"), "every register starts at zero");
        sim.poke("d", 7);
        sim.poke("en", 0);
        sim.poke("rst", 1);
        sim.step();
        assertEquals(0x5A, sim.peek("a"));
        assertEquals(7, sim.peek("b"), "a register without reset value ignores reset");
        sim.poke("rst", 0);
        sim.step();
        assertEquals(0x5A, sim.peek("a"), "disabled: holds");
        sim.poke("en", 1);
        sim.step();
        assertEquals(7, sim.peek("a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    void registersReadEachOthersOldValuesAtTheEdge(String engine) {
        Simulator sim = simulate(engine, Elaborator.elaborate(Swap::new));
        sim.reset();
        assertEquals(0x120, sim.peek("xyz"));
        sim.step();
        assertEquals(0x213, sim.peek("xyz"));
        sim.step();
        assertEquals(0x123, sim.peek("xyz"));
        sim.poke("load", 1);
        sim.step(5);
        assertEquals(0x123, sim.peek("xyz"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    void memoryReadsAreReadFirstAndTheLaterWritePortWins(String engine) {
        Simulator sim = simulate(engine, Elaborator.elaborate(Ram::new));
        Function<String, Long> peek = name -> sim.peekBig(name).longValueExact();
        assertEquals(0, peek.apply("q_a"), "read data starts at zero");
        sim.poke("addr_a", 1);
        sim.poke("addr_b", 1);
        sim.poke("re", 1);
        sim.poke("we_a", 1);
        sim.poke("data_a", 100);
        sim.poke("we_b", 1);
        sim.poke("data_b", 200);
        sim.step();
        assertEquals(2, peek.apply("q_a"), "read-first: the word before this edge's writes");
        assertEquals(2, peek.apply("q_b"));
        sim.poke("we_a", 0);
        sim.poke("we_b", 0);
        sim.step();
        assertEquals(200, peek.apply("q_a"), "the later write port wins");
        sim.poke("re", 0);
        sim.poke("addr_b", 3);
        sim.step();
        assertEquals(200, peek.apply("q_b"), "a disabled read port holds its data");
        assertEquals(4, sim.memory("ram").readBits(3).toLong());
        sim.reset();
        assertEquals(200, peek.apply("q_b"), "reset leaves read data alone");
        assertEquals(200, sim.memory("ram").readBits(1).toLong(), "and memories");
        assertEquals(0, peek.apply("count_out"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    void submoduleSignalsKeepTheirHierarchicalNames(String engine) {
        Simulator sim = simulate(engine, Elaborator.elaborate(TestDesigns.StatefulMix::new));
        sim.reset();
        sim.poke("we_a", 1);
        sim.poke(sim.port("data"), 10);
        assertEquals(13, sim.peek("u_left.doubled"));
        assertEquals(1, sim.peek("u_left.enable"));
        sim.step();
        assertEquals(13, sim.peek("u_left.value"));
        assertEquals(13, sim.peek("left_total"));
        assertEquals(13, sim.peek("u_left_total"));
        assertEquals(1, sim.peek("u_right.enable"));
    }
}
