package dev.tern.accel.rtl;

import dev.tern.hdl.Elaborator;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The adder's sum, read with a's sign, is the exact signed total of both terms: every case at 3 bits, extremes and random cases at 32. */
class PlusMinusAdderSimTest {
    @Test
    void everyPairOfThreeBitTermsAddsExactly() {
        try (Simulator sim = Simulator.interpret(Elaborator.elaborate(() -> new PlusMinusAdder(3)))) {
            for (int a = -4; a < 4; a++) {
                for (int b = -4; b < 4; b++) {
                    for (int signs = 0; signs < 4; signs++) {
                        check(sim, a, (signs & 1) == 1, b, (signs & 2) == 2);
                    }
                }
            }
        }
    }

    @Test
    void thirtyTwoBitTermsAddExactlyAtTheExtremes() {
        long min = Integer.MIN_VALUE;
        long max = Integer.MAX_VALUE;
        Random random = new Random(32);
        try (Simulator sim = Simulator.interpret(Elaborator.elaborate(() -> new PlusMinusAdder(32)))) {
            for (int signs = 0; signs < 4; signs++) {
                boolean aPositive = (signs & 1) == 1;
                boolean bPositive = (signs & 2) == 2;
                check(sim, min, aPositive, min, bPositive);
                check(sim, min, aPositive, max, bPositive);
                check(sim, max, aPositive, max, bPositive);
                check(sim, max, aPositive, min, bPositive);
                for (int trial = 0; trial < 50; trial++) {
                    check(sim, random.nextInt(), aPositive, random.nextInt(), bPositive);
                }
            }
        }
    }

    private static void check(Simulator sim, long a, boolean aPositive, long b, boolean bPositive) {
        sim.poke("a", a);
        sim.poke("a_positive", aPositive ? 1 : 0);
        sim.poke("b", b);
        sim.poke("b_positive", bPositive ? 1 : 0);
        long total = (aPositive ? a : -a) + (bPositive ? b : -b);
        long sum = sim.peek("sum");
        assertEquals(total, aPositive ? sum : -sum, a + (aPositive ? "+" : "-") + " and " + b + (bPositive ? "+" : "-"));
    }
}
