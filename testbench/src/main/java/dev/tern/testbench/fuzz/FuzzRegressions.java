package dev.tern.testbench.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The file of fuzz reproducers that the test suite replays: one {@link FuzzSpec} per line, then
 * {@code #} and what it caught; blank lines and lines starting with {@code #} are comments. In the
 * repository it is {@value #REPOSITORY_PATH}; {@code tern fuzz} appends each shrunk disagreement to it,
 * and {@code FuzzRegressionTest} runs every spec in it against Verilator.
 */
public final class FuzzRegressions {
    /** Where the regressions live, relative to the repository root. */
    public static final String REPOSITORY_PATH = "testbench/src/test/resources/dev/tern/testbench/fuzz/regressions.txt";

    private FuzzRegressions() {
    }

    /** The specs in {@code text}; a malformed line is an error naming its number. */
    public static List<FuzzSpec> parse(String text) {
        List<FuzzSpec> specs = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String spec = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (spec.isEmpty()) {
                continue;
            }
            try {
                specs.add(FuzzSpec.parse(spec));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fuzz regressions line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return specs;
    }

    /** Appends a finding's spec with its one-line description. */
    public static void append(Path file, FuzzFinding finding) throws IOException {
        String line = finding.spec() + "  # " + finding.mismatch().describe().replace('\n', ' ') + System.lineSeparator();
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
