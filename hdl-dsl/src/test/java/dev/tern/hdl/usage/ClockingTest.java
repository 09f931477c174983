package dev.tern.hdl.usage;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Reg;
import dev.tern.hdl.catalog.Counter;
import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.ModuleDef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A module's implicit clock and reset: their names and polarity, as declared and as the IR records them. */
class ClockingTest {
    /** An AXI-style top (aclk, aresetn) with a register of its own and a standard counter inside. */
    static final class AxiTop extends Component {
        AxiTop() {
            clocking(Clocking.AXI);
            Input tick = input("tick", bool());
            Reg seen = reg("seen", bool(), 0);
            when(tick, () -> seen.set(1));
            Counter counter = instance("counter", new Counter(4));
            counter.enable.set(tick);
            counter.clear.set(lit(0, bool()));
            output("count", uint(4)).set(counter.count);
            output("seen_tick", bool()).set(seen);
        }
    }

    @Test
    void modulesKeepTheStandardClockingUnlessTheyDeclareOne() {
        Design design = Elaborator.elaborate(AxiTop::new);
        assertEquals(Clocking.AXI, design.top().clocking());
        ModuleDef counter = design.top().instances().get(0).module();
        assertEquals(Clocking.STANDARD, counter.clocking());
        assertEquals("clk", counter.clocking().clock());
        assertEquals("rst", counter.clocking().reset());
    }

    @Test
    void clockingIsPartOfAModulesIdentity() {
        ModuleDef axi = Elaborator.elaborate(AxiTop::new).top();
        ModuleDef standard = new ModuleDef(axi.name(), axi.generator(), axi.parameters(), axi.location(), axi.ports(),
                axi.wires(), axi.registers(), axi.memories(), axi.instances(), axi.assigns(), axi.registerUpdates(),
                axi.memoryWrites(), axi.memoryReads(), Clocking.STANDARD);
        assertNotEquals(axi, standard);
        assertEquals(Clocking.AXI, axi.withName("renamed").clocking());
    }

    @Test
    void resetLevelsFollowThePolarity() {
        assertEquals(1, Clocking.STANDARD.resetLevel(true));
        assertEquals(0, Clocking.STANDARD.resetLevel(false));
        assertEquals(0, Clocking.AXI.resetLevel(true));
        assertEquals(1, Clocking.AXI.resetLevel(false));
        assertTrue(Clocking.STANDARD.resetAsserted(1));
        assertFalse(Clocking.STANDARD.resetAsserted(0));
        assertTrue(Clocking.AXI.resetAsserted(0));
        assertFalse(Clocking.AXI.resetAsserted(1));
        assertTrue(Clocking.AXI.resetAsserted(2), "only bit 0 is the level");
    }

    @Test
    void describesItselfAsTheVerilogHeaderDoes() {
        assertEquals("clock: clk (rising edge); reset: rst (synchronous, active high)", Clocking.STANDARD.describe());
        assertEquals("clock: aclk (rising edge); reset: aresetn (synchronous, active low)", Clocking.AXI.describe());
    }

    @Test
    void clockAndResetNeedTwoNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Clocking("aclk", "aclk", true));
        assertEquals("clock and reset are both named 'aclk'", e.getMessage());
    }
}
