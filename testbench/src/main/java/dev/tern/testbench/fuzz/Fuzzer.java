package dev.tern.testbench.fuzz;

import dev.tern.hdl.ir.Design;
import dev.tern.sim.Simulator;
import dev.tern.sim.stimulus.RandomStimulus;
import dev.tern.testbench.Cosimulation;
import dev.tern.testbench.Mismatch;
import dev.tern.testbench.VerilogSimulation;
import dev.tern.testbench.VerilogTool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Differential fuzzing of the whole toolchain: random designs ({@link RandomDesigns}) run on the
 * interpreter, the compiled engine and a Verilog simulator with random inputs, every output compared
 * in every cycle. A batch of designs shares one Verilog model, so that a Verilator build serves many.
 */
public final class Fuzzer {
    /** A reset in one cycle in this many, besides cycle 0, so that reset paths are exercised mid-run. */
    static final int RESET_ONE_IN = 16;

    /** What one batch compared and where it disagreed. */
    public record BatchResult(int designs, long cycles, long compared, List<FuzzFinding> findings) {
    }

    private final VerilogTool tool;
    private final Path waveforms;

    /** @param waveforms where mismatch waveforms go, or null for none */
    public Fuzzer(VerilogTool tool, Path waveforms) {
        this.tool = tool;
        this.waveforms = waveforms;
    }

    /** The specs of a batch: consecutive seeds from {@code firstSeed}, at full size. */
    public static List<FuzzSpec> batch(long firstSeed, int designs, int cycles) {
        List<FuzzSpec> specs = new ArrayList<>();
        for (int i = 0; i < designs; i++) {
            specs.add(FuzzSpec.full(firstSeed + i, cycles));
        }
        return specs;
    }

    /** Runs the designs of {@code specs} side by side in one Verilog model for the longest of their cycle counts. */
    public BatchResult run(List<FuzzSpec> specs) {
        List<Cosimulation.Side> sides = new ArrayList<>();
        Map<String, FuzzSpec> byDesign = new HashMap<>();
        long cycles = 0;
        for (FuzzSpec spec : specs) {
            Design design = RandomDesigns.design(spec);
            byDesign.put(design.name(), spec);
            sides.add(new Cosimulation.Side(List.of(Simulator.interpret(design), Simulator.compile(design)),
                    new RandomStimulus(spec.seed(), RESET_ONE_IN), List.of()));
            cycles = Math.max(cycles, spec.cycles());
        }
        Cosimulation cosim = new Cosimulation(sides, waveforms);
        List<Mismatch> mismatches;
        try (VerilogSimulation verilog = tool.start(cosim.layout())) {
            mismatches = cosim.runAll(verilog, cycles);
        }
        List<FuzzFinding> findings = new ArrayList<>();
        for (Mismatch m : mismatches) {
            findings.add(new FuzzFinding(byDesign.get(m.design()), m));
        }
        return new BatchResult(specs.size(), cycles * specs.size(), cosim.compared(), findings);
    }

    /** The finding of {@code spec} run alone, if it still disagrees. */
    public java.util.Optional<FuzzFinding> runAlone(FuzzSpec spec) {
        return run(List.of(spec)).findings().stream().findFirst();
    }
}
