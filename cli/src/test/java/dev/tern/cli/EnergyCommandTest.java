package dev.tern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnergyCommandTest {
    @TempDir
    Path dir;

    @Test
    void twoBShapeAt7nmWritesHtmlAndJsonWithThePaperArithmeticRatio() throws IOException {
        Path html = dir.resolve("out/energy.html");
        Path json = dir.resolve("out/energy.json");

        TernRunner run = TernRunner.run("energy", "--preset", "2b-shape", "--tech", "7nm",
                "--report", html.toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Model 2b-shape: hidden 2560, intermediate 6912, 30 layers"), run.out());
        assertTrue(run.out().contains("71.43x"), run.out());
        assertTrue(Files.readString(html, StandardCharsets.UTF_8).contains("<svg"));
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(71.43, report.get("arithmetic_ratio").doubleValue(), 0.005);
        assertEquals("2b-shape", report.get("models").get(0).get("name").textValue());
        assertTrue(run.err().contains("wrote " + html) && run.err().contains("wrote " + json), run.err());
    }

    @Test
    void optionsReachTheAnalysis() throws IOException {
        Path json = dir.resolve("energy.json");
        Path csv = dir.resolve("energy.csv");

        TernRunner run = TernRunner.run("energy", "--preset", "tiny", "--tech", "45nm", "--baseline", "int8",
                "--lanes", "32", "--rows", "4", "--encoding", "base3", "--dram", "hbm2", "--context", "128",
                "--json", json.toString(), "--csv", csv.toString());

        assertEquals(0, run.exitCode(), run.err());
        String text = run.out();
        assertTrue(text.contains("tech 45nm"), text);
        assertTrue(text.contains("context 128; 32 lanes x 4 rows; base-3"), text);
        assertTrue(text.contains("int8-mac") && !text.contains("fp16-mac "), text);
        assertTrue(Files.size(csv) > 0);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals((1.1 + 0.4) / 0.03, report.get("arithmetic_ratio").doubleValue(), 1e-9);
        assertEquals("tiny", report.get("models").get(0).get("name").textValue());
    }

    @Test
    void paperModelSizesArePresetsToo() {
        TernRunner run = TernRunner.run("energy", "--preset", "70b");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Model 70B: hidden 8192"), run.out());
    }

    @Test
    void fromSimOnTheTinyModelAgreesWithTheAnalyticCountsAndReportsActivity() throws IOException {
        Path json = dir.resolve("energy.json");
        Path html = dir.resolve("energy.html");
        Path saif = dir.resolve("tree.saif");

        TernRunner run = TernRunner.run("energy", "--preset", "tiny", "--from-sim", "--lanes", "64",
                "--json", json.toString(), "--report", html.toString(), "--saif", saif.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Analytic against measured counts (ternary design)"), run.out());
        assertTrue(run.out().contains("Switching activity of the adder tree"), run.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        JsonNode checks = report.get("cross_checks");
        assertTrue(checks.size() >= 4, checks.toString());
        for (JsonNode check : checks) {
            assertEquals("simulated", check.get("source").textValue());
            assertTrue(check.get("agrees").booleanValue(), check.toString());
        }
        JsonNode rows = report.get("activity").get("rows");
        assertEquals("real", rows.get(0).get("stimulus").textValue());
        assertEquals("random", rows.get(rows.size() - 1).get("stimulus").textValue());
        assertTrue(Files.readString(html, StandardCharsets.UTF_8).contains("<section id=\"activity\">"));
        String saifText = Files.readString(saif, StandardCharsets.US_ASCII);
        assertTrue(saifText.startsWith("(SAIFILE\n(SAIFVERSION \"2.0\")"), saifText);
        assertTrue(run.err().contains("wrote " + saif), run.err());
    }

    @Test
    void fromSimRefusesTheTwoBillionShapeInOneLine() {
        TernRunner run = TernRunner.run("energy", "--preset", "2b-shape", "--from-sim");

        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().startsWith("tern: --from-sim: model 2b-shape has "), run.err());
        assertTrue(run.errorLine().endsWith("simulated in seconds; use --preset tiny or a smaller --model"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void fromSimNamesTheLanesTheAcceleratorCannotBuild() {
        TernRunner run = TernRunner.run("energy", "--preset", "tiny", "--from-sim", "--lanes", "8");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("tern: ternary-matmul: lanes must be a power of two from 16 to 1024, got 8", run.errorLine());
    }

    @Test
    void saifWithoutFromSimIsAUsageError() {
        TernRunner run = TernRunner.run("energy", "--preset", "tiny", "--saif", dir.resolve("x.saif").toString());

        assertEquals(2, run.exitCode());
        assertEquals("tern: --saif needs --from-sim: toggle counts come from the simulation", run.errorLine());
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        TernRunner run = TernRunner.run("energy", "--preset", "huge");

        assertEquals(2, run.exitCode());
        assertEquals("tern: unknown preset 'huge'; presets: tiny, small, 2b-shape, 700M, 1.3B, 3B, 3.9B, 7B, 13B, 70B",
                run.errorLine());
    }

    @Test
    void modelAndPresetTogetherAreRefused() {
        TernRunner run = TernRunner.run("energy", "--model", "m.gguf", "--preset", "tiny");

        assertEquals(2, run.exitCode());
        assertEquals("tern: --model and --preset both given; one model at a time", run.errorLine());
    }

    @Test
    void missingModelFileIsNamed() {
        Path missing = dir.resolve("missing.gguf");

        TernRunner run = TernRunner.run("energy", "--model", missing.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains(missing.toString()), run.err());
    }

    @Test
    void badValuesNameTheOption() {
        assertEquals("tern: --lanes: expected a whole number, found 'many'",
                TernRunner.run("energy", "--lanes", "many").errorLine());
        assertEquals("tern: --context: must be at least 1, found 0",
                TernRunner.run("energy", "--context", "0").errorLine());
        assertEquals("tern: --baseline: empty item in 'fp16,'",
                TernRunner.run("energy", "--baseline", "fp16,").errorLine());
    }

    @Test
    void libraryRejectionsAreOneLineUsageErrors() {
        TernRunner lanes = TernRunner.run("energy", "--lanes", "48");
        TernRunner dram = TernRunner.run("energy", "--dram", "SDR");
        TernRunner baseline = TernRunner.run("energy", "--baseline", "fp8");
        TernRunner tech = TernRunner.run("energy", "--tech", dir.resolve("none.json").toString());

        assertEquals(2, lanes.exitCode());
        assertTrue(lanes.errorLine().contains("lanes must be a power of two"), lanes.err());
        assertEquals(2, dram.exitCode());
        assertTrue(dram.errorLine().contains("unknown DRAM type 'SDR'"), dram.err());
        assertEquals(2, baseline.exitCode());
        assertTrue(baseline.errorLine().contains("unknown baseline 'fp8'"), baseline.err());
        assertEquals(2, tech.exitCode());
        assertTrue(tech.errorLine().contains("none.json"), tech.err());
    }

    @Test
    void unwritableReportNamesTheFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "not a directory");
        Path json = blocker.resolve("energy.json");

        TernRunner run = TernRunner.run("energy", "--preset", "tiny", "--json", json.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains(json.toString()), run.err());
        assertFalse(Files.exists(json));
    }
}
