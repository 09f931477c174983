package dev.tern.sim;

import dev.tern.hdl.ir.Design;
import dev.tern.sim.compiler.VectorLoops;
import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;
import dev.tern.sim.stimulus.RandomStimulus;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs a design on both engines with the same random inputs and checks that they never disagree. */
final class EngineEquivalence {
    private EngineEquivalence() {
    }

    /**
     * Compares every output in every cycle, and every named signal and memory word every 1024 cycles
     * and at the end, of the compiled engine with its lane loops in each of its two forms.
     */
    static void assertEnginesAgree(Design design, long cycles, long seed, int resetOneIn) {
        assertTrue(VectorLoops.available(), "the build runs tests with --add-modules " + VectorLoops.MODULE);
        for (boolean vectorLoops : new boolean[] {true, false}) {
            assertEnginesAgree(design, Simulator.compile(design, vectorLoops), cycles, seed, resetOneIn);
        }
    }

    private static void assertEnginesAgree(Design design, Simulator compiled, long cycles, long seed, int resetOneIn) {
        Simulator reference = Simulator.interpret(design);
        assertEquals("compiled", compiled.engine());
        RandomStimulus stimulusA = new RandomStimulus(seed, resetOneIn);
        RandomStimulus stimulusB = new RandomStimulus(seed, resetOneIn);
        List<Port> outputsA = reference.outputs();
        List<Port> outputsB = compiled.outputs();
        long[] a = new long[4096];
        long[] b = new long[4096];
        for (long cycle = 0; cycle < cycles; cycle++) {
            stimulusA.apply(reference, cycle);
            stimulusB.apply(compiled, cycle);
            for (int i = 0; i < outputsA.size(); i++) {
                compare(reference, compiled, outputsA.get(i), outputsB.get(i), cycle, a, b);
            }
            if (cycle % 1024 == 0) {
                compareEverything(reference, compiled, cycle, a, b);
            }
            reference.step();
            compiled.step();
        }
        compareEverything(reference, compiled, cycles, a, b);
    }

    private static void compareEverything(Simulator reference, Simulator compiled, long cycle, long[] a, long[] b) {
        List<Probe> probesA = reference.probes();
        List<Probe> probesB = compiled.probes();
        for (int i = 0; i < probesA.size(); i++) {
            compare(reference, compiled, probesA.get(i), probesB.get(i), cycle, a, b);
        }
        for (MemoryView m : reference.memories()) {
            assertEquals(m.dumpBits(), compiled.memory(m.name()).dumpBits(), "memory " + m.name() + " at cycle " + cycle);
        }
    }

    private static void compare(Simulator reference, Simulator compiled, Probe pa, Probe pb, long cycle, long[] a, long[] b) {
        int words = WideOps.words(pa.width());
        reference.peekWords(pa, a, 0);
        compiled.peekWords(pb, b, 0);
        for (int w = 0; w < words; w++) {
            if (a[w] != b[w]) {
                fail(reference.design().name() + " cycle " + cycle + ": " + pa.name() + " is "
                        + PackedBits.load(a, 0, pa.width()) + " on the interpreter, " + PackedBits.load(b, 0, pa.width())
                        + " compiled");
            }
        }
    }
}
