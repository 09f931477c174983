package dev.tern.accel.baseline;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The interpreter and the compiled engine compute the same FP16 and INT8 arrays, every output on every cycle. */
class SimulationEnginesAgreeOnMacArraysTest {
    @Test
    void enginesAgreeOnBothArraysFedRandomTiles() {
        for (MacPrecision precision : MacPrecision.values()) {
            MacArrayConfig config = new MacArrayConfig(precision, 4, 2, 16, 4);
            Design design = Elaborator.elaborate(() -> precision == MacPrecision.INT8 ? new Int8MacArray(config) : new Fp16MacArray(config));
            SplittableRandom random = new SplittableRandom(5);
            try (Simulator compiled = Simulator.compile(design); Simulator interpreted = Simulator.interpret(design)) {
                compiled.reset();
                interpreted.reset();
                for (int cycle = 0; cycle < 500; cycle++) {
                    BigInteger weights = new BigInteger(config.weightWordBits(), new Random(random.nextLong()));
                    BigInteger activations = new BigInteger(config.activationWordBits(), new Random(random.nextLong()));
                    long valid = random.nextInt(4) == 0 ? 0 : 1;
                    long first = random.nextInt(3) == 0 ? 1 : 0;
                    long last = random.nextInt(3) == 0 ? 1 : 0;
                    for (Simulator sim : new Simulator[]{compiled, interpreted}) {
                        sim.pokeBig("weights", weights);
                        sim.pokeBig("activations", activations);
                        sim.poke("in_valid", valid);
                        sim.poke("in_first", first);
                        sim.poke("in_last", last);
                        sim.step();
                    }
                    for (int r = 0; r < config.rows(); r++) {
                        assertEquals(compiled.peek("result" + r), interpreted.peek("result" + r), precision + " result" + r + " at cycle " + cycle);
                    }
                    assertEquals(compiled.peek("out_valid"), interpreted.peek("out_valid"), precision + " out_valid at cycle " + cycle);
                }
            }
        }
    }
}
