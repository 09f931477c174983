package dev.tern.sim;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Reg;
import dev.tern.hdl.catalog.Counter;
import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.stimulus.RandomStimulus;
import dev.tern.sim.vcd.VcdSelection;
import dev.tern.sim.vcd.VcdWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A top whose reset is {@code aresetn}, asserted low, resets as the emitted Verilog does, on both engines. */
class ActiveLowResetTest {
    /** aclk/aresetn: {@code held} (reset 0xA, loads when enabled), {@code free} (no reset) and a standard counter inside. */
    static final class AxiRegisters extends Component {
        AxiRegisters() {
            clocking(Clocking.AXI);
            Input d = input("d", uint(4));
            Input en = input("en", bool());
            Reg held = reg("held", uint(4), 0xA);
            held.set(d);
            held.enableWhen(en);
            Reg free = reg("free", uint(4));
            free.set(d);
            Counter counter = instance("counter", new Counter(4));
            counter.enable.set(lit(1, bool()));
            counter.clear.set(lit(0, bool()));
            output("held_out", uint(4)).set(held);
            output("free_out", uint(4)).set(free);
            output("count", uint(4)).set(counter.count);
        }
    }

    private static Simulator simulate(String engine) {
        return SequentialSemanticsTest.simulate(engine, Elaborator.elaborate(AxiRegisters::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    void resetIsAssertedAtZeroAndWinsOverEnable(String engine) {
        try (Simulator sim = simulate(engine)) {
            sim.poke("aresetn", 1);
            sim.poke("d", 3);
            sim.poke("en", 1);
            sim.step();
            sim.step();
            assertEquals(3, sim.peek("held_out"));
            assertEquals(2, sim.peek("count"));

            sim.poke("d", 5);
            sim.poke("aresetn", 0);
            sim.step();
            assertEquals(0xA, sim.peek("held_out"), "reset wins over the enable");
            assertEquals(5, sim.peek("free_out"), "a register without a reset value ignores the reset");
            assertEquals(0, sim.peek("count"), "the standard submodule sees its rst high");
            assertEquals(1, sim.peek("counter.rst"));

            sim.poke("en", 0);
            sim.step();
            assertEquals(0xA, sim.peek("held_out"), "reset also loads a register whose enable is low");

            sim.poke("aresetn", 1);
            sim.step();
            assertEquals(0xA, sim.peek("held_out"), "released: the enable is low, so it holds");
            assertEquals(1, sim.peek("count"));
            assertEquals(0, sim.peek("counter.rst"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    void resetPulsesTheInputLowThenReleasesIt(String engine) {
        try (Simulator sim = simulate(engine)) {
            sim.poke("aresetn", 1);
            sim.poke("d", 6);
            sim.poke("en", 1);
            sim.step();
            sim.reset();
            assertEquals(1, sim.peek("aresetn"));
            assertEquals(0xA, sim.peek("held_out"));
            assertEquals("aresetn", sim.resetPort().name());
            assertEquals("aresetn", sim.inputs().get(0).name(), "the reset comes first among the inputs");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    void portErrorsNameTheDeclaredClockAndReset(String engine) {
        try (Simulator sim = simulate(engine)) {
            assertEquals("aclk is not a port to poke: step() drives the clock of AxiRegisters",
                    assertThrows(SimulationException.class, () -> sim.port("aclk")).getMessage());
            assertEquals("design AxiRegisters has no port 'rst'; its ports are aresetn, d, en, held_out, free_out, count",
                    assertThrows(SimulationException.class, () -> sim.port("rst")).getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    void randomStimulusAssertsTheResetLowInTheFirstCycle(String engine) {
        try (Simulator stepped = simulate(engine); Simulator batched = simulate(engine)) {
            RandomStimulus stimulus = new RandomStimulus(5, 4);
            int cycles = 40;
            long[] outputs = new long[cycles * stepped.batchLayout().outputWords()];
            int resets = 0;
            for (int c = 0; c < cycles; c++) {
                stimulus.apply(stepped, c);
                if (c == 0) {
                    assertEquals(0, stepped.peek("aresetn"));
                }
                resets += stepped.peek("aresetn") == 0 ? 1 : 0;
                for (Port out : stepped.outputs()) {
                    outputs[c * stepped.batchLayout().outputWords() + stepped.batchLayout().offset(out)] = stepped.peek(out);
                }
                stepped.step();
            }
            assertTrue(resets > 1 && resets < cycles, "resets in " + resets + " of " + cycles + " cycles");

            long[] batchOutputs = new long[outputs.length];
            batched.run(new RandomStimulus(5, 4).frames(batched, cycles), batchOutputs);
            assertArrayEquals(outputs, batchOutputs, "frames carry the same aresetn levels as apply: "
                    + Arrays.toString(batchOutputs));
        }
    }

    @Test
    void runWithoutStimulusAssertsTheResetLowOnceThenReleasesIt() {
        SimulationRun.Result result = new SimulationRun(Elaborator.elaborate(AxiRegisters::new), SimulationRun.Settings.cycles(5))
                .run((done, total) -> { });
        assertEquals(BigInteger.valueOf(4), result.outputs().get("count"), "reset in the first of five edges");
        assertEquals(BigInteger.valueOf(0xA), result.outputs().get("held_out"), "never enabled after its reset");
    }

    @Test
    void stimulusFileReleasesTheResetByWritingOne(@TempDir Path dir) throws IOException {
        Path stimulus = dir.resolve("axi.stim");
        Files.writeString(stimulus, "d=3 en=1 *2\naresetn=1 *3\naresetn=0\naresetn=1 en=0\n");
        SimulationRun.Result result = new SimulationRun(Elaborator.elaborate(AxiRegisters::new), SimulationRun.Settings.cycles(7)
                .withStimulus(stimulus)).run((done, total) -> { });
        assertEquals(BigInteger.valueOf(1), result.outputs().get("count"), "reset again in the sixth edge, counting in the seventh");
        assertEquals(BigInteger.valueOf(0xA), result.outputs().get("held_out"), "the sixth edge reset it and the seventh was not enabled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    void waveformsNameTheDeclaredClock(String engine) {
        Design design = Elaborator.elaborate(AxiRegisters::new);
        StringWriter text = new StringWriter();
        try (Simulator sim = SequentialSemanticsTest.simulate(engine, design)) {
            VcdWriter.attach(sim, text, "memory", VcdSelection.all());
            sim.reset();
        }
        String vcd = text.toString();
        assertTrue(vcd.contains("$scope module AxiRegisters $end\n$var wire 1 ! aclk $end"), vcd);
        assertTrue(vcd.contains("$scope module counter $end\n$var wire 1 ! clk $end"), vcd);
        assertTrue(vcd.contains(" aresetn $end"), vcd);
    }
}
