package dev.tern.accel.rtl;

import dev.tern.accel.TernaryWeightCode;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A lane's registered term, read with its sign flag, is the weight its code stands for times the activation, for every code. */
class TernaryLaneSimTest {
    @Test
    void termIsTheWeightTimesTheActivationOneCycleLater() {
        int[] activations = {-128, -77, -1, 0, 1, 42, 127};
        try (Simulator sim = Simulator.interpret(Elaborator.elaborate(TernaryLane::new))) {
            sim.reset();
            for (int code = 0; code <= TernaryWeightCode.UNUSED; code++) {
                for (int x : activations) {
                    sim.poke("code", code);
                    sim.poke("activation", x);
                    sim.step(TernaryLane.latency());
                    long operand = sim.peek("operand");
                    long term = sim.peek("positive") == 1 ? operand : -operand;
                    assertEquals((long) TernaryWeightCode.decode(code) * x, term, "code " + code + ", activation " + x);
                }
            }
        }
    }
}
