package dev.tern.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoAndGenerateTest {
    @TempDir
    Path dir;

    @Test
    void demoRunsTheWholeFlowWithNoMismatchAndWritesItsFiles() throws IOException {
        Path out = dir.resolve("demo");
        TernRunner run = TernRunner.run("demo", "--out", out.toString(), "--tokens", "6");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("mismatches: 0"), run.out());
        assertTrue(run.out().contains("arithmetic only, ternary vs FP16 MAC (paper method): 71.43x"), run.out());
        assertTrue(run.out().contains("projected at 250 MHz"), run.out());
        assertTrue(run.err().contains("[5/5] writing the report"), run.err());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("id=\"simulated-cycles\"") && report.contains("id=\"verification\""));
        assertTrue(Files.isRegularFile(out.resolve("tiny.gguf")));
        assertTrue(Files.isRegularFile(out.resolve("rtl").resolve("manifest.json")));

        TernRunner again = TernRunner.run("demo", "--out", out.toString(), "--tokens", "6");
        assertTrue(again.err().contains("reusing the tiny synthetic model"), again.err());
        assertEquals(run.out(), again.out());
    }

    @Test
    void generateTernaryMatmulWritesMultiplierFreeVerilogAndTheManifest() throws IOException {
        Path out = dir.resolve("tm");
        TernRunner run = TernRunner.run("generate", "ternary-matmul", "--param", "lanes=16", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")), run.out());
        try (Stream<Path> files = Files.list(out)) {
            for (Path v : files.filter(p -> p.toString().endsWith(".v")).toList()) {
                String code = Files.readString(v).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                assertFalse(code.contains("*"), v + " contains a multiplication");
            }
        }
    }

    @Test
    void generateMacBaselineWritesItsManifestWithTheSharedCycleFormula() throws IOException {
        Path out = dir.resolve("int8");
        TernRunner run = TernRunner.run("generate", "int8-mac", "--param", "lanes=4", "--param", "rows=2", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"design\" : \"int8-mac\""), manifest);
        assertTrue(manifest.contains("\"formula\" : \"ceil(out/2) * ceil(in/4) + "), manifest);
        assertTrue(manifest.contains("\"weight_banks\" : \"2 banks of 1024 words"), manifest);
    }

    @Test
    void invalidAcceleratorParameterIsAOneLineError() {
        TernRunner run = TernRunner.run("generate", "ternary-matmul", "--param", "lanes=48", "--out", dir.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().startsWith("tern: ternary-matmul: lanes must be a power of two"), run.err());
    }
}
