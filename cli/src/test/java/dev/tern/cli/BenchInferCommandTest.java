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
    void unknownPresetIsAOneLineError() {
        TernRunner run = TernRunner.run("bench-infer", "--preset", "huge", "--models", dir.toString());
        assertEquals(2, run.exitCode());
        assertEquals("tern: unknown preset 'huge'; presets: tiny, small, 2b-shape", run.errorLine());
    }
}
