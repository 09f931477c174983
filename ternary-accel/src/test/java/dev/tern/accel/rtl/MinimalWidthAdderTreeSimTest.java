package dev.tern.accel.rtl;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Types;
import dev.tern.hdl.ir.HwType;
import dev.tern.sim.Simulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tree's sum plus its carry out is the exact total of operands and carries, extremes included, at its minimal widths. */
class MinimalWidthAdderTreeSimTest {
    @ParameterizedTest(name = "inputs={0} width={1} signed={2} every={3}")
    @CsvSource({
            "2, 8, true, 1",
            "16, 8, true, 2",
            "16, 3, false, 3",
            "32, 1, false, 1",
            "64, 8, true, 6",
    })
    void sumPlusCarryOutIsTheExactTotal(int inputs, int width, boolean signed, int every) {
        HwType word = signed ? Types.sint(width) : Types.uint(width);
        long min = signed ? -(1L << (width - 1)) : 0;
        long max = signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
        int latency = MinimalWidthAdderTree.latency(inputs, every);
        Random random = new Random(inputs * 13L + width);
        try (Simulator sim = Simulator.interpret(Elaborator.elaborate(() -> new MinimalWidthAdderTree(inputs, word, every)))) {
            sim.reset();
            for (int trial = 0; trial < 40; trial++) {
                long total = 0;
                for (int i = 0; i < inputs; i++) {
                    long value = switch (trial) {
                        case 0 -> max;
                        case 1 -> min;
                        default -> min + (long) (random.nextDouble() * (max - min + 1));
                    };
                    boolean carry = trial == 0 || (trial > 1 && random.nextBoolean());
                    sim.poke("operand" + i, value);
                    sim.poke("carry" + i, carry ? 1 : 0);
                    total += value + (carry ? 1 : 0);
                }
                sim.poke("in_valid", 1);
                sim.step(latency);
                sim.poke("in_valid", 0);
                assertEquals(1, sim.peek("out_valid"), "trial " + trial);
                long sum = sim.peek("sum");
                assertEquals(total, sum + sim.peek("carry_out"), "trial " + trial);
            }
        }
    }
}
