package dev.tern.hdl.usage;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.catalog.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counter against a model: clear wins over enable, and wrap flags the enabled step from the maximum to zero. */
class CounterBehaviourTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 65})
    void randomEnableAndClearMatchTheModel(int width) {
        NetlistStepper counter = new NetlistStepper(Elaborator.elaborate(() -> new Counter(width)));
        counter.reset();
        BigInteger modulus = BigInteger.TWO.pow(width);
        BigInteger maximum = modulus.subtract(BigInteger.ONE);
        BigInteger expected = BigInteger.ZERO;
        Random random = new Random(width);
        int wraps = 0;
        for (int cycle = 0; cycle < 3000; cycle++) {
            boolean enable = random.nextInt(10) < 8;
            // Rare enough that the narrow counters reach their maximum between clears.
            boolean clear = random.nextInt(Math.min(4 << width, 4096)) == 0;
            counter.poke("enable", enable);
            counter.poke("clear", clear);
            assertEquals(expected, counter.peek("count"), "cycle " + cycle);
            boolean wrap = enable && !clear && expected.equals(maximum);
            assertEquals(wrap, counter.peekBool("wrap"), "cycle " + cycle);
            wraps += wrap ? 1 : 0;
            counter.step();
            expected = clear ? BigInteger.ZERO : enable ? expected.add(BigInteger.ONE).mod(modulus) : expected;
        }
        // A 65-bit counter cannot reach its maximum in a test; the narrow ones wrap many times.
        assertEquals(width <= 8, wraps > 0, wraps + " wraps");
    }

    @Test
    void wrapsFromAllOnesToZero() {
        NetlistStepper counter = new NetlistStepper(Elaborator.elaborate(() -> new Counter(2)));
        counter.reset();
        counter.poke("enable", true);
        for (int i = 0; i < 3; i++) {
            assertFalse(counter.peekBool("wrap"));
            counter.step();
        }
        assertEquals(3, counter.peekLong("count"));
        assertTrue(counter.peekBool("wrap"));
        counter.poke("clear", true);
        assertFalse(counter.peekBool("wrap"), "a clear is not a wrap");
        counter.poke("clear", false);
        counter.step();
        assertEquals(0, counter.peekLong("count"));
    }

    @Test
    void resetReturnsToZero() {
        NetlistStepper counter = new NetlistStepper(Elaborator.elaborate(() -> new Counter(4)));
        counter.poke("enable", true);
        counter.step();
        counter.step();
        assertEquals(2, counter.peekLong("count"));
        counter.reset();
        assertEquals(0, counter.peekLong("count"));
    }
}
