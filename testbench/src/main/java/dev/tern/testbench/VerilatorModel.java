package dev.tern.testbench;

import dev.tern.verilog.tools.ExternalTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Verilated executable of a {@link BusLayout}'s Verilog with the {@link VerilatorHarnessSource}
 * harness, cached by a hash of the Verilog, the harness, the flags and the Verilator version.
 */
public final class VerilatorModel {
    /** How the model is compiled. */
    public enum Flavor {
        /** Quick to build; X values as Verilator's defaults (the designs initialise all their state). */
        COSIM(List.of(), "-O1"),
        /** As fast as Verilator makes it, single-threaded. */
        BENCH(List.of("-O3", "--x-assign", "fast", "--x-initial", "fast"), "-O2");

        private final List<String> verilatorFlags;
        private final String cxxOptimisation;

        Flavor(List<String> verilatorFlags, String cxxOptimisation) {
            this.verilatorFlags = verilatorFlags;
            this.cxxOptimisation = cxxOptimisation;
        }
    }

    private static final long BUILD_TIMEOUT_SECONDS = 1800;
    private static final String EXECUTABLE = "Vtern";
    private static String version;

    private final BusLayout layout;
    private final Path executable;

    private VerilatorModel(BusLayout layout, Path executable) {
        this.layout = layout;
        this.executable = executable;
    }

    /** The cached model for the layout, built first when missing. */
    public static VerilatorModel cached(BusLayout layout, Flavor flavor) {
        String verilog = CosimTopWriter.verilog(layout);
        String harness = VerilatorHarnessSource.cpp(layout);
        String key = BuildCache.hash(verilog, harness, flavor.name(), flavor.verilatorFlags.toString(), flavor.cxxOptimisation, version());
        Path dir = BuildCache.directory("verilator", key, work -> build(layout, verilog, harness, flavor, work));
        return new VerilatorModel(layout, dir.resolve("obj").resolve(EXECUTABLE));
    }

    /** A model built now in {@code directory} (for measuring the build time), not cached. */
    public static VerilatorModel buildIn(BusLayout layout, Flavor flavor, Path directory) {
        try {
            build(layout, CosimTopWriter.verilog(layout), VerilatorHarnessSource.cpp(layout), flavor, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new VerilatorModel(layout, directory.resolve("obj").resolve(EXECUTABLE));
    }

    private static void build(BusLayout layout, String verilog, String harness, Flavor flavor, Path work) throws IOException {
        Files.createDirectories(work);
        Path top = work.resolve(CosimTopWriter.TOP + ".v");
        Path main = work.resolve("harness.cpp");
        Files.writeString(top, verilog, StandardCharsets.UTF_8);
        Files.writeString(main, harness, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build", "-j", "2",
                "-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", CosimTopWriter.TOP, "-Mdir", "obj", "-o", EXECUTABLE,
                "-CFLAGS", flavor.cxxOptimisation, "-MAKEFLAGS", "OPT_FAST=" + flavor.cxxOptimisation + " OPT_SLOW=-O1 OPT_GLOBAL=-O1"));
        command.addAll(flavor.verilatorFlags);
        command.add(top.getFileName().toString());
        command.add(main.getFileName().toString());
        ExternalTool.Result result = ExternalTool.run(work, BUILD_TIMEOUT_SECONDS, command);
        if (!result.succeeded() || !Files.isExecutable(work.resolve("obj").resolve(EXECUTABLE))) {
            String firstError = result.output().lines().filter(l -> l.contains("%Error") || l.contains("error:")).findFirst()
                    .orElse("exit code " + result.exitCode());
            throw new CosimException("verilator could not build " + describe(layout) + ": " + firstError.strip(), result.output());
        }
    }

    static String describe(BusLayout layout) {
        List<BusLayout.Dut> duts = layout.duts();
        return duts.size() == 1 ? duts.get(0).design().top().name() : duts.size() + " designs";
    }

    /** {@code verilator --version}, part of every cache key. */
    static synchronized String version() {
        if (version == null) {
            try {
                ExternalTool.Result r = ExternalTool.run(Path.of("."), 60, List.of("verilator", "--version"));
                version = r.output().strip();
            } catch (IOException e) {
                throw new CosimException("verilator --version failed: " + e.getMessage(), e);
            }
        }
        return version;
    }

    public BusLayout layout() {
        return layout;
    }

    public Path executable() {
        return executable;
    }

    /** Starts the model in cosimulation mode. */
    public VerilogSimulation start() {
        return new VerilatorSimulation(this);
    }
}
