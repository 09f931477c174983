package dev.tern.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@code tern} in-process with its output captured, as a user at a terminal would see it. */
record TernRunner(int exitCode, String out, String err) {
    static TernRunner run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = new Tern(Commands.all(), terminal).run(args);
        return new TernRunner(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The error a failed run printed: one line, the last on standard error (progress lines may come before it). */
    String errorLine() {
        List<String> errors = err.lines().filter(l -> l.startsWith("tern: ")).toList();
        List<String> lines = err.lines().toList();
        if (errors.size() != 1 || !lines.get(lines.size() - 1).equals(errors.get(0))) {
            throw new AssertionError("expected one error line at the end, got:\n" + err);
        }
        return errors.get(0);
    }
}
