package dev.tern.testbench;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.Simulator;
import dev.tern.sim.stimulus.RandomStimulus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CosimulationTest {
    /** Replays the Java engine's own outputs (from a second simulator), with one bit flipped in one cycle. */
    private static final class ReplayWithFault implements VerilogSimulation {
        private final Simulator twin;
        private final BusLayout layout;
        private final long faultCycle;
        private final int faultWord;
        private long cycle;

        ReplayWithFault(Design design, BusLayout layout, long faultCycle, int faultWord) {
            this.twin = Simulator.interpret(design);
            this.layout = layout;
            this.faultCycle = faultCycle;
            this.faultWord = faultWord;
        }

        @Override
        public String tool() {
            return "replay";
        }

        @Override
        public void run(long[] inputs, long[] outputs, long[] unknown, int cycles) {
            BusLayout.Dut dut = layout.duts().get(0);
            for (int c = 0; c < cycles; c++, cycle++) {
                for (BusLayout.Slot in : dut.inputs()) {
                    int at = c * layout.inputWords() + in.word();
                    twin.pokeWords(twin.port(in.signal()), java.util.Arrays.copyOfRange(inputs, at, at + in.words()));
                }
                for (BusLayout.Slot out : dut.outputs()) {
                    twin.peekWords(twin.port(out.signal()), outputs, c * layout.outputWords() + out.word());
                }
                if (cycle == faultCycle) {
                    outputs[c * layout.outputWords() + faultWord] ^= 1;
                }
                twin.step();
            }
        }

        @Override
        public void close() {
        }
    }

    private static Design fifo() {
        return DesignCatalog.examples().elaborate("fifo", List.of("depth=4", "width=8"));
    }

    @Test
    void firstMismatchNamesCycleSignalAndBothValuesAndWritesWaveformsOfBothSides(@TempDir Path waves) throws IOException {
        Design design = fifo();
        Simulator sim = Simulator.compile(design);
        Cosimulation cosim = new Cosimulation(List.of(new Cosimulation.Side(List.of(sim), new RandomStimulus(3), List.of())), waves);
        BusLayout.Slot count = cosim.layout().duts().get(0).outputs().stream().filter(s -> s.signal().equals("count")).findFirst().orElseThrow();
        CosimResult result;
        try (VerilogSimulation faulty = new ReplayWithFault(design, cosim.layout(), 5000, count.word())) {
            result = cosim.run(faulty, 10_000);
        }
        Mismatch m = result.mismatch().orElseThrow();
        assertEquals(5000, m.cycle());
        assertEquals("count", m.signal());
        assertEquals("compiled", m.engine());
        assertEquals(m.javaValue().toUnsigned().flipBit(0), m.toolValue().toUnsigned());
        assertEquals(Bits.zero(3), m.toolUnknown());
        assertEquals(5001, result.cycles());
        assertEquals(2, m.waveforms().size());
        String java = Files.readString(m.waveforms().get(0));
        String tool = Files.readString(m.waveforms().get(1));
        assertTrue(java.contains(" count $end") && java.contains("#" + 10 * (5000 - Cosimulation.WINDOW_BEFORE) + "\n"), java);
        assertFalse(java.equals(tool), "the two sides' waveforms differ in the faulty cycle");
        assertTrue(m.describe().startsWith(design.name() + ": cycle 5000, count: compiled engine 3'h"), m.describe());
    }

    @Test
    void agreeingSidesCompareEveryOutputInEveryCycleAfterTheFirstReset() {
        Design design = fifo();
        Simulator sim = Simulator.compile(design);
        Cosimulation cosim = new Cosimulation(List.of(new Cosimulation.Side(List.of(sim), new RandomStimulus(3), List.of())), null);
        CosimResult result;
        try (VerilogSimulation replay = new ReplayWithFault(design, cosim.layout(), -1, 0)) {
            result = cosim.run(replay, 9000);
        }
        assertTrue(result.passed());
        assertEquals(9000, result.cycles());
        assertEquals((9000 - 1) * sim.outputs().size(), result.compared());
    }
}
