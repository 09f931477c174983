package dev.tern.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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

    /** The error a failed run printed: exactly one line. */
    String errorLine() {
        String[] lines = err.strip().split("\n");
        if (lines.length != 1) {
            throw new AssertionError("expected a one-line error, got:\n" + err);
        }
        return lines[0];
    }
}
