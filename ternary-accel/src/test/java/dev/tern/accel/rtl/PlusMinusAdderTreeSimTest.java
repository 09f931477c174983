package dev.tern.accel.rtl;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Types;
import dev.tern.sim.Simulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The tree's sum read with its sign is the exact total of the signed terms, extremes included, at its minimal widths. */
class PlusMinusAdderTreeSimTest {
    @ParameterizedTest(name = "inputs={0} width={1} every={2}")
    @CsvSource({
            "2, 8, 1",
            "16, 8, 2",
            "16, 3, 3",
            "32, 1, 1",
            "64, 8, 6",
    })
    void sumReadWithItsSignIsTheExactTotal(int inputs, int width, int every) {
        long min = -(1L << (width - 1));
        long max = (1L << (width - 1)) - 1;
        int latency = PlusMinusAdderTree.latency(inputs, every);
        Random random = new Random(inputs * 13L + width);
        try (Simulator sim = Simulator.interpret(Elaborator.elaborate(() -> new PlusMinusAdderTree(inputs, Types.sint(width), every)))) {
            sim.reset();
            for (int trial = 0; trial < 40; trial++) {
                long total = 0;
                for (int i = 0; i < inputs; i++) {
                    // the extremes: every term -min (the largest total), every term min (the smallest)
                    long value = trial < 2 ? min : min + (long) (random.nextDouble() * (max - min + 1));
                    boolean positive = trial == 1 || (trial > 1 && random.nextBoolean());
                    sim.poke("operand" + i, value);
                    sim.poke("positive" + i, positive ? 1 : 0);
                    total += positive ? value : -value;
                }
                sim.poke("in_valid", 1);
                sim.step(latency);
                sim.poke("in_valid", 0);
                assertEquals(1, sim.peek("out_valid"), "trial " + trial);
                long sum = sim.peek("sum");
                assertEquals(total, sim.peek("positive") == 1 ? sum : -sum, "trial " + trial);
            }
        }
    }

    @ParameterizedTest(name = "inputs={0}")
    @CsvSource({"1", "3", "24"})
    void aNumberOfTermsThatIsNotAPowerOfTwoIsRefused(int inputs) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Elaborator.elaborate(() -> new PlusMinusAdderTree(inputs, Types.sint(8), 1)));
        assertEquals("an adder tree adds a power of two words, at least 2, got " + inputs, e.getMessage());
    }
}
