package dev.tern.sim.stimulus;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Reg;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StimulusFileTest {
    /** Sums {@code value} into a signed total while {@code add} is high. */
    static final class Summer extends Component {
        Summer() {
            Input add = input("add", bool());
            Input value = input("value", sint(8));
            Reg total = reg("total", sint(16), 0);
            when(add, () -> total.set(total.add(value.sext(16))));
            output("sum", sint(16)).set(total);
        }
    }

    static Simulator simulator() {
        return Simulator.interpret(Elaborator.elaborate(Summer::new));
    }

    static StimulusFile parse(Simulator sim, String text) throws IOException {
        return StimulusFile.parse(new StringReader(text), "stim.txt", sim);
    }

    @Test
    void linesApplyOnePerCycleWithRepeatsAndHolds() throws IOException {
        Simulator sim = simulator();
        StimulusFile file = parse(sim, """
                # reset first
                rst=1
                rst=0 add=1 value=0x7f   # 127
                value=-2 *3
                .
                add=0b0
                value=1_0 add=1
                """);
        assertEquals(8, file.length());
        List<Long> sums = new ArrayList<>();
        for (long cycle = 0; cycle < 10; cycle++) {
            file.apply(sim, cycle);
            sim.step();
            sums.add(sim.peek("sum"));
        }
        assertEquals(List.of(0L, 127L, 125L, 123L, 121L, 119L, 119L, 129L, 139L, 149L), sums);
    }

    @Test
    void errorsNameTheFileLineAndPort() {
        Simulator sim = simulator();
        assertEquals("stim.txt:2: unknown port 'ad'; the inputs of Summer are rst, add, value",
                assertThrows(SimulationException.class, () -> parse(sim, "add=1\nad=1\n")).getMessage());
        assertEquals("stim.txt:1: sum is an output; the inputs of Summer are rst, add, value",
                assertThrows(SimulationException.class, () -> parse(sim, "sum=1")).getMessage());
        assertEquals("stim.txt:1: value 256 does not fit port value (SInt(8), -128..255)",
                assertThrows(SimulationException.class, () -> parse(sim, "value=256 add=1")).getMessage());
        assertEquals("stim.txt:1: 'x12' is not a number (decimal, 0x hex or 0b binary)",
                assertThrows(SimulationException.class, () -> parse(sim, "value=x12")).getMessage());
        assertEquals("stim.txt:1: expected port=value, got 'value'",
                assertThrows(SimulationException.class, () -> parse(sim, "value")).getMessage());
        assertEquals("stim.txt:1: a repeat count is *N with N a positive whole number, got *0",
                assertThrows(SimulationException.class, () -> parse(sim, "add=1 *0")).getMessage());
        assertEquals("stim.txt:1: port add is set twice",
                assertThrows(SimulationException.class, () -> parse(sim, "add=1 add=0")).getMessage());
    }
}
