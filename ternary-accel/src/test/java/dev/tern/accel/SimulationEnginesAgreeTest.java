package dev.tern.accel;

import dev.tern.accel.rtl.TernaryMatVecCore;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.Port;
import dev.tern.sim.Simulator;
import dev.tern.sim.stimulus.RandomStimulus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The accelerator is what inference runs on, so both simulator engines must agree on it exactly:
 * every output, every cycle, under random inputs with occasional resets.
 */
class SimulationEnginesAgreeTest {
    private static final AcceleratorConfig CONFIG = new AcceleratorConfig(16, 2, 2, WeightEncoding.TWO_BIT, 16, 32);

    @Test
    void enginesAgreeOnTheMatVecCore() {
        assertEnginesAgree(Elaborator.elaborate(() -> new TernaryMatVecCore(CONFIG)), 3000);
    }

    @Test
    void enginesAgreeOnTheWholeUnit() {
        assertEnginesAgree(Elaborator.elaborate(() -> new TernaryMatmulUnit(CONFIG)), 3000);
    }

    @Test
    void enginesAgreeOnTheBase3Unit() {
        AcceleratorConfig base3 = new AcceleratorConfig(16, 2, 1, WeightEncoding.BASE3, 16, 32);
        assertEnginesAgree(Elaborator.elaborate(() -> new TernaryMatmulUnit(base3)), 3000);
    }

    private static void assertEnginesAgree(Design design, long cycles) {
        try (Simulator interpreter = Simulator.interpret(design); Simulator compiled = Simulator.compile(design)) {
            RandomStimulus forInterpreter = new RandomStimulus(7, 64);
            RandomStimulus forCompiled = new RandomStimulus(7, 64);
            List<Port> outputs = interpreter.outputs();
            for (long cycle = 0; cycle < cycles; cycle++) {
                forInterpreter.apply(interpreter, cycle);
                forCompiled.apply(compiled, cycle);
                for (Port out : outputs) {
                    assertEquals(interpreter.peekBig(out.name()), compiled.peekBig(out.name()),
                            design.name() + " cycle " + cycle + ": " + out.name());
                }
                interpreter.step();
                compiled.step();
            }
        }
    }
}
