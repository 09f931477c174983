package dev.tern.hdl.usage;

import dev.tern.hdl.*;

import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.ModuleDef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElaborationSmokeTest {
    static final class Counter extends Component {
        final Input enable = input("enable", bool());
        final Output count;

        Counter(int width) {
            parameter("width", width);
            count = output("count", uint(width));
            Reg value = reg("value", uint(width), 0);
            when(enable, () -> value.set(value.add(1)));
            count.set(value);
        }
    }

    static final class TwoCounters extends Component {
        TwoCounters() {
            Input go = input("go", bool());
            Output sum = output("sum", uint(9));
            Counter a = instance("a", new Counter(8));
            Counter b = instance("b", new Counter(8));
            a.enable.set(go);
            b.enable.set(go.not());
            sum.set(a.count.addWide(b.count));
        }
    }

    @Test
    void counterElaboratesWithEnableFromWhen() {
        Design d = Elaborator.elaborate(() -> new Counter(8));
        ModuleDef top = d.top();
        assertEquals("Counter_width8", top.name());
        assertEquals(1, top.registerUpdates().size());
        assertNotNull(top.registerUpdates().get(0).enable());
    }

    @Test
    void identicalParameterisationsShareOneDefinition() {
        Design d = Elaborator.elaborate(TwoCounters::new);
        assertEquals(2, d.modules().size());
        assertEquals(2, d.top().instances().size());
    }

    @Test
    void widthMismatchNamesUserLine() {
        HdlException e = assertThrows(HdlException.class, () -> Elaborator.elaborate(() -> new Component() {
            {
                Output o = output("o", uint(4));
                Input i = input("i", uint(8));
                o.set(i);
            }
        }));
        assertTrue(e.getMessage().startsWith("ElaborationSmokeTest.java:"), e.getMessage());
        assertTrue(e.getMessage().contains("width mismatch"), e.getMessage());
    }
}
