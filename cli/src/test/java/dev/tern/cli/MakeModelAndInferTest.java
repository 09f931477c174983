package dev.tern.cli;

import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MakeModelAndInferTest {
    private static final String PROMPT = "The ternary adder";

    @TempDir
    static Path models;
    static Map<String, Path> tinyByFormat;

    @BeforeAll
    static void makeTinyModelInEveryFormat() {
        tinyByFormat = Map.of(
                "gguf-tq2", models.resolve("tiny-tq2.gguf"),
                "gguf-tq1", models.resolve("tiny-tq1.gguf"),
                "gguf-i2s", models.resolve("tiny-i2s.gguf"),
                "safetensors", models.resolve("tiny-safetensors"));
        tinyByFormat.forEach((format, out) -> {
            TernRunner run = TernRunner.run("make-model", "--preset", "tiny", "--seed", "7", "--format", format,
                    "--out", out.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("wrote " + out + ": synthetic tiny, 2 layers, hidden 128, vocab 512, seed 7"),
                    run.out());
        });
    }

    private static TernRunner infer(Path model, String... more) {
        String[] args = {"infer", "--model", model.toString(), "--prompt", PROMPT, "--tokens", "16", "--threads", "2"};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return TernRunner.run(all);
    }

    @Test
    void makeModelWritesGgufFilesAndACheckpointDirectory() throws IOException {
        byte[] magic = Arrays.copyOf(Files.readAllBytes(tinyByFormat.get("gguf-tq2")), 4);
        assertArrayEquals("GGUF".getBytes(StandardCharsets.US_ASCII), magic);
        Path checkpoint = tinyByFormat.get("safetensors");
        assertTrue(Files.isRegularFile(checkpoint.resolve("config.json")));
        assertTrue(Files.isRegularFile(checkpoint.resolve("model.safetensors")));
    }

    @Test
    void tinyModelGeneratesTheSameTextFromEveryFormat() {
        TernRunner tq2 = infer(tinyByFormat.get("gguf-tq2"));
        assertEquals(0, tq2.exitCode(), tq2.err());
        assertFalse(tq2.out().isBlank(), "no text generated");
        assertTrue(tq2.err().contains("generated 16 tokens") && tq2.err().contains("tokens/s"), tq2.err());

        for (String format : new String[] {"safetensors", "gguf-tq1", "gguf-i2s"}) {
            TernRunner other = infer(tinyByFormat.get(format));
            assertEquals(0, other.exitCode(), other.err());
            assertEquals(tq2.out(), other.out(), format);
        }
    }

    @Test
    void samplingWithTheSameSeedRepeatsAndAnotherSeedDiffers() {
        Path model = tinyByFormat.get("gguf-tq2");

        TernRunner first = infer(model, "--temperature", "1.2", "--top-k", "100", "--top-p", "0.95", "--seed", "3");
        TernRunner again = infer(model, "--temperature", "1.2", "--top-k", "100", "--top-p", "0.95", "--seed", "3");
        TernRunner otherSeed = infer(model, "--temperature", "1.2", "--top-k", "100", "--top-p", "0.95", "--seed", "4");
        TernRunner greedy = infer(model);

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), again.out());
        assertNotEquals(first.out(), otherSeed.out());
        assertNotEquals(greedy.out(), first.out());
    }

    @Test
    void verilatorBackendVerifiedAgainstTheReferenceGivesTheSameTextAsTheRtlBackend() {
        ToolRequirement.require("verilator");
        TernRunner rtl = infer(tinyByFormat.get("gguf-tq2"), "--backend", "rtl", "--lanes", "32", "--rows", "2");
        TernRunner verilator = infer(tinyByFormat.get("safetensors"), "--backend", "verilator", "--verify", "--lanes", "32",
                "--rows", "2");

        assertEquals(0, verilator.exitCode(), verilator.err());
        assertTrue(verilator.err().contains("building its simulation on Verilator"), verilator.err());
        assertTrue(verilator.out().contains("mismatches: 0"), verilator.out());
        assertEquals(rtl.out(), verilator.out().substring(0, verilator.out().indexOf("BitLinear calls verified"))
                + verilator.out().substring(verilator.out().indexOf("simulated cycles:")),
                "the same text and the same simulated cycles");
    }

    @Test
    void rtlBackendVerifiedAgainstTheReferenceGivesTheSameTextAndNoMismatch() {
        TernRunner reference = infer(tinyByFormat.get("gguf-tq2"));
        TernRunner rtl = infer(tinyByFormat.get("gguf-i2s"), "--backend", "rtl", "--verify", "--lanes", "32", "--rows", "2");

        assertEquals(0, rtl.exitCode(), rtl.err());
        String text = rtl.out().substring(0, rtl.out().indexOf("\ntokens generated:"));
        assertEquals(reference.out().strip(), text.strip());
        assertTrue(rtl.out().contains("mismatches: 0"), rtl.out());
        assertTrue(rtl.out().contains("BitLinear calls verified: 224 "), rtl.out());
        assertTrue(rtl.out().contains("decode ") && rtl.out().contains(" per token"), rtl.out());
        assertTrue(rtl.out().contains("projected at 250 MHz"), rtl.out());
    }

    @Test
    void verifyWithoutAHardwareBackendIsAOneLineError() {
        TernRunner run = infer(tinyByFormat.get("gguf-tq2"), "--verify");

        assertEquals(2, run.exitCode());
        assertEquals("tern: --verify compares a hardware backend with the reference; add --backend rtl or verilator",
                run.errorLine());
    }

    @Test
    void unknownBackendListsTheBackends() {
        TernRunner run = infer(tinyByFormat.get("gguf-tq2"), "--backend", "gpu");

        assertEquals(2, run.exitCode());
        assertEquals("tern: unknown backend 'gpu'; backends: reference, rtl, verilator", run.errorLine());
    }

    @Test
    void promptLongerThanTheContextIsAOneLineError() {
        String prompt = "ternary ".repeat(300);

        TernRunner run = TernRunner.run("infer", "--model", tinyByFormat.get("gguf-tq2").toString(),
                "--prompt", prompt, "--tokens", "4");

        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().matches("tern: the prompt has \\d+ tokens, more than the model's context of 256"),
                run.err());
    }

    @Test
    void fileThatIsNoModelIsNamed() throws IOException {
        Path notes = Files.writeString(models.resolve("notes.txt"), "not a model");
        Path truncated = models.resolve("truncated.gguf");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(tinyByFormat.get("gguf-tq2")), 200));

        TernRunner text = infer(notes);
        TernRunner cut = infer(truncated);

        assertEquals(2, text.exitCode());
        assertTrue(text.errorLine().startsWith("tern: notes.txt: neither a GGUF file"), text.err());
        assertEquals(2, cut.exitCode());
        assertTrue(cut.errorLine().startsWith("tern: truncated.gguf: "), cut.err());
    }

    @Test
    void samplingOptionsWithoutATemperatureAreRefused() {
        TernRunner run = infer(tinyByFormat.get("gguf-tq2"), "--top-k", "5");

        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().startsWith("tern: --top-k applies when sampling; give --temperature above 0"),
                run.err());
    }

    @Test
    void missingOptionsAreNamed() {
        assertEquals("tern: --tokens N is required",
                TernRunner.run("infer", "--model", "m.gguf", "--prompt", "x").errorLine());
        assertEquals("tern: --out PATH is required",
                TernRunner.run("make-model", "--preset", "tiny", "--format", "gguf-tq2").errorLine());
    }

    @Test
    void makeModelRejectsUnknownPresetAndFormat() {
        Path out = models.resolve("never.gguf");

        TernRunner preset = TernRunner.run("make-model", "--preset", "huge", "--format", "gguf-tq2", "--out", out.toString());
        TernRunner format = TernRunner.run("make-model", "--preset", "tiny", "--format", "gguf", "--out", out.toString());

        assertEquals(2, preset.exitCode());
        assertEquals("tern: unknown preset 'huge'; presets: tiny, small, 2b-shape", preset.errorLine());
        assertEquals(2, format.exitCode());
        assertEquals("tern: unknown format 'gguf'; formats: gguf-tq2, gguf-i2s, gguf-tq1, safetensors", format.errorLine());
        assertFalse(Files.exists(out));
    }

    @Test
    void energyReadsTheShapeOfAModelFile() {
        TernRunner run = TernRunner.run("energy", "--model", tinyByFormat.get("gguf-tq2").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Model tiny-tq2.gguf: hidden 128, intermediate 384, 2 layers, 4 heads (2 KV) of 32"),
                run.out());
    }
}
