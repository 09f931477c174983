package dev.tern.testbench;

import dev.tern.hdl.ir.Design;
import dev.tern.sim.Simulator;
import dev.tern.sim.stimulus.Stimulus;

import java.nio.file.Path;
import java.util.List;

/**
 * Cosimulation in one line, for tests: {@code Cosim.assertEquivalent(design, new RandomStimulus(1), 1000)}
 * runs the design on the compiled Java engine and on Verilator and throws an {@link AssertionError}
 * describing the first mismatch (with waveforms under {@code target/cosim-mismatches}). Verilator
 * models are cached on disk, so each distinct design is built once.
 */
public final class Cosim {
    private static final Path WAVEFORMS = Path.of("target", "cosim-mismatches");

    private Cosim() {
    }

    public static void assertEquivalent(Design design, Stimulus stimulus, long cycles) {
        assertEquivalent(design, stimulus, cycles, VerilogTool.VERILATOR, List.of());
    }

    /** Against the given Verilog simulator, comparing the named internal signals too. */
    public static void assertEquivalent(Design design, Stimulus stimulus, long cycles, VerilogTool tool, List<String> probes) {
        CosimResult result = run(design, stimulus, cycles, tool, probes, WAVEFORMS.resolve(design.name()));
        result.mismatch().ifPresent(m -> {
            throw new AssertionError(m.describe());
        });
    }

    /** The compiled engine against {@code tool}; mismatch waveforms go to {@code waveforms} when it is not null. */
    public static CosimResult run(Design design, Stimulus stimulus, long cycles, VerilogTool tool, List<String> probes,
                                  Path waveforms) {
        Simulator sim = Simulator.compile(design);
        Cosimulation cosim = new Cosimulation(List.of(new Cosimulation.Side(List.of(sim), stimulus, probes)), waveforms);
        try (VerilogSimulation verilog = tool.start(cosim.layout())) {
            return cosim.run(verilog, cycles);
        }
    }
}
