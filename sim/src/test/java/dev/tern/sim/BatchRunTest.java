package dev.tern.sim;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.bench.TernaryDotProductTree;
import dev.tern.sim.stimulus.RandomStimulus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@link Simulator#run}: the same cycles as poke, peek and step, on both engines. */
class BatchRunTest {
    private static final int CYCLES = 2000;
    private static final int RESET_ONE_IN = 300;

    static Stream<Design> designs() {
        DesignCatalog catalog = DesignCatalog.examples();
        List<Design> designs = new ArrayList<>();
        catalog.all().forEach(g -> designs.add(catalog.elaborate(g.name(), List.of())));
        designs.add(Elaborator.elaborate(TestDesigns.StatefulMix::new));
        designs.add(Elaborator.elaborate(() -> new TestDesigns.OperatorZoo(1, 7, 64, 65, 130)));
        designs.add(TernaryDotProductTree.design(8));
        return designs.stream();
    }

    @ParameterizedTest
    @MethodSource("designs")
    void batchRunGivesTheOutputsOfPokePeekAndStepOnBothEngines(Design design) {
        Simulator reference = Simulator.interpret(design);
        long seed = design.name().hashCode();
        long[] inputs = randomFrames(reference, CYCLES, seed);
        long[] expected = pokePeekStep(reference, new RandomStimulus(seed, RESET_ONE_IN), CYCLES);
        for (Simulator batch : List.of(Simulator.compile(design), Simulator.interpret(design))) {
            BatchLayout layout = batch.batchLayout();
            long[] outputs = new long[CYCLES * layout.outputWords()];
            int split = CYCLES / 3;
            batch.run(inputs, 0, outputs, 0, split);
            batch.run(inputs, split * layout.inputWords(), outputs, split * layout.outputWords(), CYCLES - split);
            assertFramesEqual(expected, outputs, layout.outputWords(), batch);
            assertEquals(CYCLES, batch.cycle());
            assertSameState(reference, batch);
        }
    }

    @Test
    void observersSeeEveryCycleOfABatch() {
        Simulator sim = Simulator.compile(DesignCatalog.examples().elaborate("counter", List.of()));
        long[] inputs = randomFrames(sim, 50, 4);
        List<Long> seen = new ArrayList<>();
        sim.addObserver(s -> seen.add(s.peek("count")));
        long[] outputs = new long[50 * sim.batchLayout().outputWords()];
        sim.run(inputs, outputs);
        assertEquals(50, seen.size());
        for (int c = 0; c < 50; c++) {
            assertEquals(sim.batchLayout().get(outputs, c, sim.port("count")), seen.get(c), "cycle " + c);
        }
    }

    @Test
    void layoutSetsAndGetsNarrowPortsLikePokeAndPeek() {
        Simulator sim = Simulator.compile(DesignCatalog.examples().elaborate("counter", List.of()));
        BatchLayout layout = sim.batchLayout();
        assertEquals(0, layout.offset(sim.port("rst")), "the reset leads the input frame");
        long[] inputs = new long[4 * layout.inputWords()];
        layout.set(inputs, 0, sim.port("rst"), 1);
        for (int c = 1; c < 4; c++) {
            layout.set(inputs, c, sim.port("enable"), 1);
        }
        long[] outputs = new long[4 * layout.outputWords()];
        sim.run(inputs, outputs);
        assertEquals(List.of(0L, 0L, 1L, 2L), List.of(layout.get(outputs, 0, sim.port("count")),
                layout.get(outputs, 1, sim.port("count")), layout.get(outputs, 2, sim.port("count")),
                layout.get(outputs, 3, sim.port("count"))));
        assertEquals(3, sim.peek("count"), "the last edge is visible after the run");
        SimulationException e = assertThrows(SimulationException.class, () -> layout.set(inputs, 0, sim.port("enable"), 2));
        assertTrue(e.getMessage().contains("port enable"), e.getMessage());
    }

    @Test
    void inputBitsAboveAPortsWidthAreRejectedNamingPortAndCycle() {
        Simulator sim = Simulator.compile(DesignCatalog.examples().elaborate("counter", List.of()));
        BatchLayout layout = sim.batchLayout();
        long[] inputs = new long[3 * layout.inputWords()];
        inputs[2 * layout.inputWords() + layout.offset(sim.port("enable"))] = 2;
        SimulationException e = assertThrows(SimulationException.class, () -> sim.run(inputs, null));
        assertTrue(e.getMessage().contains("input enable") && e.getMessage().contains("cycle 2"), e.getMessage());
        assertEquals(0, sim.cycle(), "nothing ran");
    }

    @Test
    void buffersTooShortForTheCyclesAreRejected() {
        Simulator sim = Simulator.interpret(DesignCatalog.examples().elaborate("counter", List.of()));
        BatchLayout layout = sim.batchLayout();
        long[] inputs = new long[10 * layout.inputWords()];
        long[] outputs = new long[9 * layout.outputWords()];
        SimulationException e = assertThrows(SimulationException.class, () -> sim.run(inputs, outputs));
        assertTrue(e.getMessage().contains("output buffer"), e.getMessage());
        assertThrows(SimulationException.class, () -> sim.run(inputs, 1, null, 0, 10));
        assertThrows(SimulationException.class, () -> sim.run(new long[layout.inputWords() + 1], null));
    }

    /** Frames of {@link RandomStimulus} with a reset now and then. */
    private static long[] randomFrames(Simulator sim, int cycles, long seed) {
        return new RandomStimulus(seed, RESET_ONE_IN).frames(sim, cycles);
    }

    /** The output frames as the per-cycle API produces them from the same random inputs. */
    private static long[] pokePeekStep(Simulator sim, RandomStimulus stimulus, int cycles) {
        BatchLayout layout = sim.batchLayout();
        long[] outputs = new long[cycles * layout.outputWords()];
        for (int c = 0; c < cycles; c++) {
            stimulus.apply(sim, c);
            for (Port p : sim.outputs()) {
                sim.peekWords(p, outputs, c * layout.outputWords() + layout.offset(p));
            }
            sim.step();
        }
        return outputs;
    }

    private static void assertFramesEqual(long[] expected, long[] actual, int frameWords, Simulator sim) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                fail(sim.design().name() + " on the " + sim.engine() + ": output word " + (i % frameWords) + " of cycle "
                        + i / frameWords + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }

    /** Every named signal and memory word, so that a batch leaves the simulator as the single steps do. */
    private static void assertSameState(Simulator reference, Simulator other) {
        for (Probe p : reference.probes()) {
            assertEquals(reference.peekBits(p), other.peekBits(other.probe(p.name())),
                    other.engine() + ": " + p.name() + " after the run");
        }
        for (MemoryView m : reference.memories()) {
            assertEquals(m.dumpBits(), other.memory(m.name()).dumpBits(), m.name());
        }
    }
}
