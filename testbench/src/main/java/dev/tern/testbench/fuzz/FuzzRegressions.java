package dev.tern.testbench.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The file of fuzz reproducers that the test suite replays: one {@link FuzzSpec} per line, with the
 * {@code design=} fingerprint of the design it drew ({@link RandomDesigns#fingerprint}), then {@code #} and
 * what it caught; blank lines and lines starting with {@code #} are comments. A spec names a design only
 * through the generator's random choices, so a change to the generator silently turns a saved spec into
 * another design; the fingerprint is how the replaying test notices. In the repository the file is
 * {@value #REPOSITORY_PATH}; {@code tern fuzz} appends each shrunk disagreement to it, and
 * {@code FuzzRegressionTest} runs every spec in it against Verilator.
 */
public final class FuzzRegressions {
    /** Where the regressions live, relative to the repository root. */
    public static final String REPOSITORY_PATH = "testbench/src/test/resources/dev/tern/testbench/fuzz/regressions.txt";
    private static final String FINGERPRINT_KEY = "design=";

    /** One saved reproducer: its spec, the fingerprint of the design it drew when saved, and its line number. */
    public record Entry(FuzzSpec spec, String fingerprint, int line) {
    }

    private FuzzRegressions() {
    }

    /** The reproducers in {@code text}; a malformed line is an error naming its number. */
    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (content.isEmpty()) {
                continue;
            }
            List<String> specParts = new ArrayList<>();
            String fingerprint = null;
            for (String part : content.split("\\s+")) {
                if (part.startsWith(FINGERPRINT_KEY)) {
                    fingerprint = part.substring(FINGERPRINT_KEY.length());
                } else {
                    specParts.add(part);
                }
            }
            if (fingerprint == null) {
                throw new IllegalArgumentException("fuzz regressions line " + (i + 1) + ": no " + FINGERPRINT_KEY
                        + " fingerprint of the design the spec drew");
            }
            try {
                entries.add(new Entry(FuzzSpec.parse(String.join(" ", specParts)), fingerprint, i + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fuzz regressions line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** The line that saves {@code finding}: its spec, its design's fingerprint and its one-line description. */
    public static String line(FuzzFinding finding) {
        return finding.spec() + " " + FINGERPRINT_KEY + RandomDesigns.fingerprint(finding.spec()) + "  # "
                + finding.mismatch().describe().replace('\n', ' ');
    }

    /** Appends a finding's line. */
    public static void append(Path file, FuzzFinding finding) throws IOException {
        Files.writeString(file, line(finding) + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
