package dev.tern.synth;

import dev.tern.verilog.tools.ExternalTool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps a tool's output beside its results and names its first error for a one-line message. */
final class ToolLog {
    private ToolLog() {
    }

    static Path save(ExternalTool.Result run, Path file) throws IOException {
        Files.writeString(file, String.join(" ", run.command()) + "\n\n" + run.output(), StandardCharsets.UTF_8);
        return file;
    }

    /** The first line with {@code ERROR:} (Yosys puts the file and line before it), else the last non-empty line, else the exit code. */
    static String firstError(ExternalTool.Result run) {
        String last = null;
        for (String line : run.output().split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.contains("ERROR:")) {
                return trimmed;
            }
            if (!trimmed.isEmpty()) {
                last = trimmed;
            }
        }
        return last != null ? last : "exit code " + run.exitCode();
    }
}
