package dev.tern.verilog.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The three checks every emitted design must pass: Verilator lint, Yosys synthesis, Icarus compilation. */
public final class VerilogChecks {
    private static final long TIMEOUT_SECONDS = 600;

    private VerilogChecks() {
    }

    /** {@code verilator --lint-only -Wall} on the files, with {@code top} as the top module. */
    public static ExternalTool.Result verilatorLint(Path dir, List<Path> files, String top) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        files.forEach(f -> cmd.add(f.toString()));
        return ExternalTool.run(dir, TIMEOUT_SECONDS, cmd);
    }

    /** Yosys: read, {@code hierarchy -check}, {@code proc}, and the given synthesis command (e.g. {@code synth}). */
    public static ExternalTool.Result yosys(Path dir, List<Path> files, String top, String synthCommand) throws IOException {
        StringBuilder script = new StringBuilder();
        for (Path f : files) {
            script.append("read_verilog ").append(f).append("; ");
        }
        script.append("hierarchy -check -top ").append(top).append("; proc; ").append(synthCommand).append(" -top ").append(top);
        return ExternalTool.run(dir, TIMEOUT_SECONDS, List.of("yosys", "-q", "-p", script.toString()));
    }

    /** {@code iverilog -g2005} compilation into a throwaway output. */
    public static ExternalTool.Result icarusCompile(Path dir, List<Path> files, String top) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2005", "-Wall", "-s", top, "-o", dir.resolve(top + ".vvp").toString()));
        files.forEach(f -> cmd.add(f.toString()));
        return ExternalTool.run(dir, TIMEOUT_SECONDS, cmd);
    }
}
