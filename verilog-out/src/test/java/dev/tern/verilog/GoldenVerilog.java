package dev.tern.verilog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Emitted Verilog checked against the files in src/test/resources/golden, regenerated deliberately with
 * {@code -Dtern.updateGolden=true} (then review the diff).
 */
final class GoldenVerilog {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private GoldenVerilog() {
    }

    static void assertMatches(String name, String text) throws IOException {
        Path golden = GOLDEN.resolve(name + ".v");
        if (Boolean.getBoolean("tern.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dtern.updateGolden=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text,
                name + " differs from " + golden + "; if the change is intended, run with -Dtern.updateGolden=true");
    }
}
