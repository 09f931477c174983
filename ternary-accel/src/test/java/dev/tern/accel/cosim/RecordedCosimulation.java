package dev.tern.accel.cosim;

import dev.tern.accel.EmittedVerilog;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.Simulator;
import dev.tern.testbench.Cosimulation;
import dev.tern.testbench.Mismatch;
import dev.tern.testbench.RecordedStimulus;
import dev.tern.testbench.VerilogSimulation;
import dev.tern.testbench.VerilogTool;
import dev.tern.verilog.tools.ExternalTool;
import dev.tern.verilog.tools.VerilogChecks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Designs run by their real drivers in the Java simulator with every input recorded, then replayed on a
 * fresh Java simulator and on Verilator side by side, all designs in one Verilator model (one build), every
 * output compared in every cycle.
 */
final class RecordedCosimulation {
    private final List<Cosimulation.Side> sides = new ArrayList<>();
    private final List<RecordedStimulus> recordings = new ArrayList<>();
    private long compared;

    /** A compiled simulation of {@code design} for a driver to run; its inputs are recorded for the replay. */
    Simulator record(Design design) {
        Simulator driven = Simulator.compile(design);
        RecordedStimulus recording = RecordedStimulus.attach(driven);
        recordings.add(recording);
        sides.add(new Cosimulation.Side(List.of(Simulator.compile(design)), recording, List.of()));
        return driven;
    }

    /** Replays every recording to its end on Java and Verilator; one description per design that differed. */
    List<String> mismatches(Path waveforms) {
        long cycles = recordings.stream().mapToLong(RecordedStimulus::cycles).max().orElse(0);
        Cosimulation cosim = new Cosimulation(sides, waveforms);
        try (VerilogSimulation verilator = VerilogTool.VERILATOR.start(cosim.layout())) {
            List<String> mismatches = cosim.runAll(verilator, cycles).stream().map(Mismatch::describe).toList();
            compared = cosim.compared();
            return mismatches;
        }
    }

    /** Output values the last {@link #mismatches} run compared. */
    long compared() {
        return compared;
    }

    /** Recorded cycles, all designs together. */
    long recordedCycles() {
        return recordings.stream().mapToLong(RecordedStimulus::cycles).sum();
    }

    /** What {@code verilator --lint-only -Wall} says about {@code design}, written one file per module into {@code dir}. */
    static String lint(Design design, Path dir) throws IOException {
        ExternalTool.Result lint = VerilogChecks.verilatorLint(dir, EmittedVerilog.write(design, dir), design.top().name());
        return lint.output().strip();
    }

    /** Yosys {@code synth} of the design: its output when it fails, else empty. */
    static String synthesisErrors(Design design, Path dir) throws IOException {
        ExternalTool.Result synthesis = VerilogChecks.yosys(dir, EmittedVerilog.write(design, dir), design.top().name(), "synth");
        return synthesis.succeeded() ? "" : synthesis.output().strip();
    }
}
