package dev.tern.sim.compiler;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Flattener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EquivalentRegistersTest {

    /**
     * Two rows that each delay one valid flag through a chain of their own ({@code a*}, {@code b*}), a chain of
     * another input ({@code c*}), a chain that differs only in its reset value ({@code d*}) and one whose second
     * stage loads only when enabled by its own first stage ({@code e*}, like {@code a*} but enabled).
     */
    static final class Chains extends Component {
        Chains() {
            Input valid = input("valid", bool());
            Input other = input("other", bool());
            Signal a = chain("a", valid, 0, false);
            Signal b = chain("b", valid, 0, false);
            Signal c = chain("c", other, 0, false);
            Signal d = chain("d", valid, 1, false);
            Signal e = chain("e", valid, 0, true);
            output("out", uint(5)).set(cat(a, b, c, d, e));
        }

        private Signal chain(String name, Signal from, int reset, boolean enabled) {
            Reg first = reg(name + "0", bool(), reset);
            first.set(from);
            Reg second = reg(name + "1", bool(), reset);
            if (enabled) {
                second.enableWhen(first);
            }
            second.set(first);
            return second;
        }
    }

    @Test
    void registersDelayingTheSameValueAlikeAreEqualWhateverTheirNames() {
        FlatNetlist netlist = Flattener.flatten(Elaborator.elaborate(Chains::new));
        EquivalentRegisters equal = EquivalentRegisters.of(netlist);
        assertTrue(equal.equal(state(netlist, "a0"), state(netlist, "b0")));
        assertTrue(equal.equal(state(netlist, "a1"), state(netlist, "b1")), "through a stage of each chain's own");
        assertFalse(equal.equal(state(netlist, "a1"), state(netlist, "c1")), "another input");
        assertFalse(equal.equal(state(netlist, "a0"), state(netlist, "d0")), "another reset value");
        assertFalse(equal.equal(state(netlist, "a1"), state(netlist, "e1")), "an enable of its own");
        assertFalse(equal.equal(state(netlist, "a0"), state(netlist, "a1")), "a stage later");
    }

    private static int state(FlatNetlist netlist, String name) {
        return netlist.registers().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().state();
    }
}
