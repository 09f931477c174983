package dev.tern.sim;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.ir.Design;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimulatorSmokeTest {
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

    @Test
    void countsOnBothEngines() {
        Design d = Elaborator.elaborate(() -> new Counter(8));
        for (Simulator sim : new Simulator[] {Simulator.interpret(d), Simulator.compile(d)}) {
            sim.reset();
            sim.poke("enable", 1);
            sim.step(300);
            assertEquals(300 % 256, sim.peek("count"), sim.engine());
        }
    }
}
