package dev.tern.hdl.usage;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.catalog.AdderTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sums leave the tree exactly {@code latency} cycles after their operands, with their valid, at full precision. */
class AdderTreeBehaviourTest {
    @ParameterizedTest
    @CsvSource({"2, 1, 1, 1", "4, 8, 1, 2", "8, 8, 1, 3", "8, 8, 2, 2", "8, 5, 3, 1", "16, 33, 3, 2"})
    void sumsFollowTheirValidThroughThePipeline(int inputs, int width, int levelsPerStage, int latency) {
        AdderTree[] built = new AdderTree[1];
        NetlistStepper tree = new NetlistStepper(Elaborator.elaborate(() -> built[0] = new AdderTree(inputs, width, levelsPerStage)));
        assertEquals(latency, built[0].latency());
        tree.reset();
        Random random = new Random(inputs * 1000L + width);
        BigInteger max = BigInteger.TWO.pow(width).subtract(BigInteger.ONE);
        // Sums on their way: right after the edge that takes a sum in, the output shows the one taken latency - 1 edges before.
        Deque<Optional<BigInteger>> inFlight = new ArrayDeque<>();
        for (int i = 0; i < latency - 1; i++) {
            inFlight.addLast(Optional.empty());
        }
        BigInteger lastValidSum = null;
        for (int cycle = 0; cycle < 200; cycle++) {
            boolean valid = random.nextInt(4) != 0;
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < inputs; i++) {
                BigInteger operand = cycle % 7 == 0 ? max : new BigInteger(width, random);
                tree.poke("operand" + i, operand);
                sum = sum.add(operand);
            }
            tree.poke("in_valid", valid);
            inFlight.addLast(valid ? Optional.of(sum) : Optional.empty());
            tree.step();
            Optional<BigInteger> expected = inFlight.removeFirst();
            assertEquals(expected.isPresent(), tree.peekBool("out_valid"), "cycle " + cycle);
            if (expected.isPresent()) {
                assertEquals(expected.get(), tree.peek("sum"), "cycle " + cycle);
                lastValidSum = expected.get();
            } else if (lastValidSum != null) {
                assertEquals(lastValidSum, tree.peek("sum"), "registers hold their sum without valid input, cycle " + cycle);
            }
        }
    }
}
