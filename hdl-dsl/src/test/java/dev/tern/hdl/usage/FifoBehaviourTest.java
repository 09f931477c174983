package dev.tern.hdl.usage;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Stream;
import dev.tern.hdl.catalog.Fifo;
import dev.tern.hdl.ir.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the FIFO against a queue model. Timing contract checked every cycle: {@code out_valid} is
 * high exactly when the oldest word held was pushed two or more cycles ago, and then {@code out_data}
 * is that word; {@code count}, {@code full}, {@code empty} and {@code in_ready} follow the words held.
 */
class FifoBehaviourTest {
    private record Held(BigInteger word, long pushedInCycle) {
    }

    /** The FIFO under test with its queue model; {@link #cycle} checks the outputs, then clocks one edge. */
    private static final class Bench {
        final NetlistStepper fifo;
        final int depth;
        final Deque<Held> model = new ArrayDeque<>();
        long now;

        Bench(int depth, int width) {
            Design design = Elaborator.elaborate(() -> new Fifo(depth, width));
            this.fifo = new NetlistStepper(design);
            this.depth = depth;
            fifo.reset();
        }

        /** Offers {@code word} if push, takes the head if pop; returns whether the push and pop happened. */
        boolean[] cycle(boolean push, BigInteger word, boolean pop) {
            fifo.poke("in_valid", push);
            fifo.poke("in_data", word);
            fifo.poke("out_ready", pop);
            checkOutputs();
            boolean pushed = push && fifo.peekBool("in_ready");
            boolean popped = pop && fifo.peekBool("out_valid");
            fifo.step();
            if (popped) {
                model.removeFirst();
            }
            if (pushed) {
                model.addLast(new Held(word, now));
            }
            now++;
            return new boolean[] {pushed, popped};
        }

        void checkOutputs() {
            String at = "cycle " + now + ": ";
            assertEquals(model.size(), fifo.peekLong("count"), at + "count");
            assertEquals(model.isEmpty(), fifo.peekBool("empty"), at + "empty");
            assertEquals(model.size() == depth, fifo.peekBool("full"), at + "full");
            assertEquals(model.size() < depth, fifo.peekBool("in_ready"), at + "in_ready");
            boolean headReady = !model.isEmpty() && model.peekFirst().pushedInCycle() <= now - 2;
            assertEquals(headReady, fifo.peekBool("out_valid"), at + "out_valid");
            if (headReady) {
                assertEquals(model.peekFirst().word(), fifo.peek("out_data"), at + "out_data");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 1", "2, 8", "4, 8", "16, 8", "8, 70"})
    void randomTrafficMatchesQueueModel(int depth, int width) {
        Bench bench = new Bench(depth, width);
        Random random = new Random(depth * 131L + width);
        int pushes = 0;
        int pops = 0;
        int fullCycles = 0;
        int emptyCycles = 0;
        // Phases that favour filling, draining and balanced traffic, so full and empty both recur.
        double[][] phases = {{0.9, 0.2}, {0.2, 0.9}, {0.7, 0.7}, {1.0, 1.0}, {0.5, 0.5}};
        for (int round = 0; round < 12; round++) {
            for (double[] phase : phases) {
                for (int i = 0; i < 60; i++) {
                    fullCycles += bench.model.size() == depth ? 1 : 0;
                    emptyCycles += bench.model.isEmpty() ? 1 : 0;
                    boolean[] done = bench.cycle(random.nextDouble() < phase[0], new BigInteger(width, random),
                            random.nextDouble() < phase[1]);
                    pushes += done[0] ? 1 : 0;
                    pops += done[1] ? 1 : 0;
                }
            }
        }
        bench.checkOutputs();
        assertTrue(fullCycles > 20 && emptyCycles > 20, "full " + fullCycles + ", empty " + emptyCycles + " cycles");
        assertTrue(pushes > 1000 && pops > 1000, pushes + " pushes, " + pops + " pops");
    }

    @Test
    void pushIntoEmptyWhilePoppingStoresTheWordAndPopsNothing() {
        Bench bench = new Bench(4, 8);
        boolean[] done = bench.cycle(true, BigInteger.valueOf(0x5a), true);
        assertTrue(done[0]);
        assertFalse(done[1]);
        bench.cycle(false, BigInteger.ZERO, false);
        bench.checkOutputs();
        assertEquals(0x5a, bench.fifo.peekLong("out_data"));
    }

    @Test
    void pushWhileFullWaitsButThePopInTheSameCycleHappens() {
        Bench bench = new Bench(4, 8);
        for (int i = 0; i < 4; i++) {
            bench.cycle(true, BigInteger.valueOf(10 + i), false);
        }
        bench.cycle(false, BigInteger.ZERO, false);
        bench.checkOutputs();
        assertTrue(bench.fifo.peekBool("full"));
        boolean[] done = bench.cycle(true, BigInteger.valueOf(99), true);
        assertFalse(done[0]);
        assertTrue(done[1]);
        done = bench.cycle(true, BigInteger.valueOf(99), true);
        assertTrue(done[0], "room again after the pop");
        assertTrue(done[1]);
        for (int i = 0; i < 6; i++) {
            bench.cycle(false, BigInteger.ZERO, true);
        }
        bench.checkOutputs();
        assertTrue(bench.model.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"4", "16"})
    void streamsOneWordPerCycleOnceStarted(int depth) {
        Bench bench = new Bench(depth, 8);
        int pops = 0;
        for (int i = 0; i < 50; i++) {
            boolean[] done = bench.cycle(true, BigInteger.valueOf(i), true);
            assertTrue(done[0], "push in cycle " + i);
            pops += done[1] ? 1 : 0;
        }
        assertEquals(48, pops, "two cycles of latency, then a word every cycle");
    }

    /** Two FIFOs joined stream to stream, with this component's own streams passed through. */
    static final class TwoFifos extends Component {
        TwoFifos(int depth, int width) {
            Stream.Sink in = streamIn("in", uint(width));
            Stream.Source out = streamOut("out", uint(width));
            Fifo first = instance("first", new Fifo(depth, width));
            Fifo second = instance("second", new Fifo(depth, width));
            connect(in, first.in);
            connect(first.out, second.in);
            connect(second.out, out);
        }
    }

    @Test
    void chainedFifosShareOneDefinitionAndKeepEveryWordInOrder() {
        Design design = Elaborator.elaborate(() -> new TwoFifos(4, 8));
        assertEquals(2, design.modules().size());
        NetlistStepper chain = new NetlistStepper(design);
        chain.reset();
        Random random = new Random(42);
        Deque<Long> sent = new ArrayDeque<>();
        long next = 0;
        int received = 0;
        for (int cycle = 0; cycle < 2000; cycle++) {
            boolean offer = random.nextInt(3) != 0;
            boolean take = random.nextInt(3) != 0;
            chain.poke("in_valid", offer);
            chain.poke("in_data", next & 0xff);
            chain.poke("out_ready", take);
            boolean pushed = offer && chain.peekBool("in_ready");
            if (take && chain.peekBool("out_valid")) {
                assertEquals(sent.removeFirst(), chain.peekLong("out_data"), "cycle " + cycle);
                received++;
            }
            if (pushed) {
                sent.addLast(next & 0xff);
                next++;
            }
            assertTrue(sent.size() <= 8, "two FIFOs of 4 hold at most 8 words");
            chain.step();
        }
        assertTrue(received > 1000, received + " words through");
    }
}
