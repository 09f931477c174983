package dev.tern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchInferCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheModelOnceThenReusesItAndReportsEveryFieldInTextAndJson() throws IOException {
        Path models = dir.resolve("models");
        Path json = dir.resolve("bench.json");
        TernRunner first = TernRunner.run("bench-infer", "--preset", "tiny", "--tokens", "3", "--threads", "2",
                "--models", models.toString(), "--json", json.toString());
        assertEquals(0, first.exitCode(), first.err());
        Path model = models.resolve("synthetic-tiny-s0-gguf-tq2.gguf");
        assertTrue(Files.isRegularFile(model), first.err());
        assertTrue(first.err().contains("writing synthetic tiny to " + model), first.err());
        assertTrue(first.out().contains("decode tok/s") && first.out().contains("peak heap"), first.out());
        assertTrue(first.out().lines().anyMatch(l -> l.startsWith("reference ")), first.out());
        assertTrue(first.out().contains("goal (reference >= 4.0 tokens/s decode, < 1.50 GB heap, 2b-shape, 2 threads):"
                + " not measured by this run"), first.out());

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals("tiny", report.get("preset").asText());
        assertEquals(3, report.get("decodeSteps").asInt());
        JsonNode row = report.get("results").get(0);
        assertEquals("reference", row.get("backend").asText());
        assertEquals(2, row.get("threads").asInt());
        assertTrue(row.get("decodeTokensPerSecond").asDouble() > 0, row.toString());
        assertTrue(row.get("prefillTokensPerSecond").asDouble() > 0, row.toString());
        assertTrue(row.get("peakHeapBytes").asLong() > 0, row.toString());
        assertEquals("not measured by this run", report.get("goals").get(0).get("verdict").asText());

        TernRunner again = TernRunner.run("bench-infer", "--preset", "tiny", "--tokens", "2", "--models",
                models.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("reusing " + model), again.err());
        try (var files = Files.list(models)) {
            assertEquals(1, files.count(), "only the model, no partial files");
        }
    }

    @Test
    void hardwareBackendRowsReportTheirAcceleratorAndSimulatedCycles() throws IOException {
        Path json = dir.resolve("bench.json");
        TernRunner run = TernRunner.run("bench-infer", "--preset", "tiny", "--backend", "rtl", "--hardware-tokens", "1",
                "--lanes", "32", "--rows", "2", "--models", dir.resolve("models").toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("running rtl: 1-token prefill, 1 decode step on 32 lanes x 2 rows"), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("rtl: 32 lanes x 2 rows, 12,372 simulated cycles per token,")),
                run.out());
        assertTrue(run.out().contains("goal (rtl: a decode token in under 120 s, 256 lanes, 2b-shape, 2 threads):"
                + " not measured by this run"), run.out());
        JsonNode row = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals("rtl", row.get("backend").asText());
        assertEquals(12_372, row.get("simulatedCyclesPerToken").asLong());
        assertEquals(1, row.get("decodeSteps").asInt());
    }

    @Test
    void aBackendNamedTwiceIsAOneLineError() {
        TernRunner run = TernRunner.run("bench-infer", "--preset", "tiny", "--backend", "rtl,reference,rtl", "--models",
                dir.toString());
        assertEquals(2, run.exitCode());
        assertEquals("tern: --backend names rtl twice", run.errorLine());
    }

    @Test
    void unknownPresetIsAOneLineError() {
        TernRunner run = TernRunner.run("bench-infer", "--preset", "huge", "--models", dir.toString());
        assertEquals(2, run.exitCode());
        assertEquals("tern: unknown preset 'huge'; presets: tiny, small, 2b-shape", run.errorLine());
    }
}
