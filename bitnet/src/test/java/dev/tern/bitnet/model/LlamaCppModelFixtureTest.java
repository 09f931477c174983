package dev.tern.bitnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.bitnet.infer.Generation;
import dev.tern.bitnet.infer.GenerationListener;
import dev.tern.bitnet.infer.GenerationOptions;
import dev.tern.bitnet.infer.Generator;
import dev.tern.bitnet.infer.Sampler;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model llama.cpp's own tools wrote (see the fixture's README): our tokenizer, greedy tokens and
 * logits against llama.cpp's and against an independent float64 implementation of exact BitNet semantics.
 */
class LlamaCppModelFixtureTest {
    private static final String DIR = "/fixtures/llamacpp-bitnet-tiny/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LlamaCppModelFixtureTest.class.getResource(DIR + name).toURI());
    }

    private static JsonNode json(String name) throws IOException, URISyntaxException {
        return JSON.readTree(resource(name).toFile());
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static Generator generator(String type) throws IOException, URISyntaxException {
        BitNetModel model = BitNetGgufLoader.load(resource("tiny-" + type + ".gguf"));
        return new Generator(model, ReferenceTernaryMatmul.singleThreaded(), WorkerPool.singleThreaded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tq2_0", "tq1_0", "f16"})
    void promptTokenizesExactlyAsLlamaCpp(String type) throws Exception {
        JsonNode expected = json("llama-" + type + ".json");
        Generator generator = generator(type);
        assertArrayEquals(ints(expected.get("prompt_tokens")),
                generator.model().tokenizer().encode(expected.get("prompt").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tq2_0", "tq1_0", "f16"})
    void greedyTokensEqualLlamaCpp(String type) throws Exception {
        JsonNode expected = json("llama-" + type + ".json");
        Generation g = generator(type).generate(expected.get("prompt").asText(), GenerationOptions.greedy(16),
                GenerationListener.NONE);
        assertArrayEquals(ints(expected.get("greedy")), g.tokens());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tq2_0", "tq1_0", "f16"})
    void promptLogitsMatchExactBitNetSemanticsWithin1eMinus2(String type) throws Exception {
        JsonNode reference = json("reference-" + type + ".json");
        float[][] logits = generator(type).promptLogits(ints(reference.get("prompt_tokens")));
        JsonNode rows = reference.get("prompt_logits");
        assertEquals(rows.size(), logits.length);
        double maxDiff = 0;
        for (int t = 0; t < logits.length; t++) {
            assertEquals(rows.get(t).size(), logits[t].length);
            for (int v = 0; v < logits[t].length; v++) {
                maxDiff = Math.max(maxDiff, Math.abs(rows.get(t).get(v).asDouble() - logits[t][v]));
            }
        }
        assertTrue(maxDiff <= 1e-2, "max |logit - reference| = " + maxDiff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tq2_0", "tq1_0", "f16"})
    void promptLogitsCorrelateWithLlamaCppAndAgreeOnTheLastArgmax(String type) throws Exception {
        JsonNode llama = json("llama-" + type + ".json");
        float[][] logits = generator(type).promptLogits(ints(llama.get("prompt_tokens")));
        JsonNode rows = llama.get("prompt_logits");
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        long n = 0;
        for (int t = 0; t < logits.length; t++) {
            for (int v = 0; v < logits[t].length; v++) {
                double x = logits[t][v];
                double y = rows.get(t).get(v).asDouble();
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
                n++;
            }
        }
        double correlation = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
        assertTrue(correlation >= 0.999, "correlation " + correlation);
        float[] lastOurs = logits[logits.length - 1];
        JsonNode lastTheirs = rows.get(rows.size() - 1);
        float[] theirs = new float[lastTheirs.size()];
        for (int v = 0; v < theirs.length; v++) {
            theirs[v] = (float) lastTheirs.get(v).asDouble();
        }
        assertEquals(Sampler.argmax(theirs), Sampler.argmax(lastOurs));
    }
}
