package dev.tern.synth;

import dev.tern.hdl.ir.Design;
import dev.tern.verilog.VerilogEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The synthesis flow of one design: emit its Verilog, synthesise with Yosys for the target and count
 * its cells; for iCE40, also place and route it in a {@link PinHarness} and pack a bitstream.
 */
public final class Synthesizer {
    static final String VERILOG_DIR = "verilog";

    private Synthesizer() {
    }

    /**
     * Runs the flow in {@code workDir} (created if missing).
     *
     * @throws SynthException              when a tool fails
     * @throws dev.tern.verilog.tools.ToolMissingException when a tool is not installed
     */
    public static SynthResult run(Design design, SynthOptions options, Path workDirectory) throws IOException {
        // The tools run inside the work directory, so every path handed to them must not depend on ours.
        Path workDir = workDirectory.toAbsolutePath();
        Path verilogDir = workDir.resolve(VERILOG_DIR);
        Files.createDirectories(verilogDir);
        List<Path> files = new ArrayList<>();
        for (String name : VerilogEmitter.withoutSourceLocations().write(design, verilogDir, VerilogEmitter.Layout.FILE_PER_MODULE).keySet()) {
            files.add(Path.of(VERILOG_DIR, name));
        }
        String top = design.top().name();
        if (options.target() != SynthTarget.ICE40) {
            YosysSynthesis.Result yosys = YosysSynthesis.run(workDir, files, top, options.target(), false);
            return new SynthResult(top, design.top().parameters(), files, yosys.statistics().area(top), Optional.empty(), workDir);
        }
        PinHarness harness = new PinHarness(design.top());
        Path harnessFile = Path.of(VERILOG_DIR, harness.name() + ".v");
        Files.writeString(workDir.resolve(harnessFile), harness.verilog(), StandardCharsets.UTF_8);
        List<Path> withHarness = new ArrayList<>(files);
        withHarness.add(harnessFile);
        YosysSynthesis.Result yosys = YosysSynthesis.run(workDir, withHarness, harness.name(), options.target(), true);
        ResourceCounts placed = yosys.statistics().area(harness.name()).total();
        Ice40Implementation implementation = Ice40PlaceAndRoute.run(workDir, yosys.netlist().orElseThrow(), placed,
                options.device(), options.packageName(), options.targetMhz(), PinHarness.PINS);
        return new SynthResult(top, design.top().parameters(), withHarness, yosys.statistics().area(top),
                Optional.of(implementation), workDir);
    }
}
