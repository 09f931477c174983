package dev.tern.verilog.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external EDA program (Verilator, Yosys, Icarus) and captures what it printed. */
public final class ExternalTool {
    /** The outcome of one run: exit code and the combined standard output and error. */
    public record Result(List<String> command, int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private ExternalTool() {
    }

    /** True when {@code program} is on the PATH. */
    public static boolean isAvailable(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The Debian package that provides {@code program}, for error messages. */
    public static String packageFor(String program) {
        return switch (program) {
            case "iverilog", "vvp" -> "iverilog";
            case "nextpnr-ice40" -> "nextpnr-ice40";
            case "icepack", "icetime" -> "fpga-icestorm";
            default -> program;
        };
    }

    /** Runs the command in {@code workDir}, waiting at most {@code timeoutSeconds}. */
    public static Result run(Path workDir, long timeoutSeconds, List<String> command) throws IOException {
        String program = command.get(0);
        if (!isAvailable(program)) {
            throw new ToolMissingException(program);
        }
        Path log = Files.createTempFile("tern-tool", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished;
            try {
                finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(program + " was interrupted", e);
            }
            if (!finished) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(List.copyOf(command), process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
