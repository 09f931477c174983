package dev.tern.bitnet.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.BitNetWeights;
import dev.tern.bitnet.model.ContextLengthException;
import dev.tern.bitnet.model.Projection;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import dev.tern.bitnet.synth.SyntheticModel;
import dev.tern.bitnet.tensor.DenseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    private static final BitNetModel TINY = SyntheticModel.create(BitNetConfig.tiny(), 42).model();

    private static Generator generator() {
        return new Generator(TINY, ReferenceTernaryMatmul.singleThreaded(), WorkerPool.singleThreaded());
    }

    @Test
    void greedyGenerationIsReproducibleAndEqualsArgmaxOfFullRecomputation() {
        Generation g = generator().generate("The keeper", GenerationOptions.greedy(6), GenerationListener.NONE);
        assertEquals(6, g.tokens().length);
        assertArrayEquals(g.tokens(), generator().generate("The keeper", GenerationOptions.greedy(6),
                GenerationListener.NONE).tokens());
        // Each token is the argmax of a fresh prefill over everything before it: the KV cache changes nothing.
        int[] sequence = Arrays.copyOf(g.promptTokens(), g.promptTokens().length + g.tokens().length);
        System.arraycopy(g.tokens(), 0, sequence, g.promptTokens().length, g.tokens().length);
        for (int i = 0; i < g.tokens().length; i++) {
            float[][] logits = generator().promptLogits(Arrays.copyOf(sequence, g.promptTokens().length + i));
            assertEquals(g.tokens()[i], Sampler.argmax(logits[logits.length - 1]), "token " + i);
        }
    }

    @Test
    void tinyModelProducesVariedTokens() {
        Set<Integer> distinct = new HashSet<>();
        for (String prompt : List.of("The lighthouse keeper", "Once upon a time", "Numbers are")) {
            for (int t : generator().generate(prompt, GenerationOptions.greedy(24), GenerationListener.NONE).tokens()) {
                distinct.add(t);
            }
        }
        assertTrue(distinct.size() >= 30, "only " + distinct.size() + " distinct tokens in 72");
    }

    @Test
    void listenerHearsPromptEveryTokenAndTheEnd() {
        List<String> events = new ArrayList<>();
        StringBuilder streamed = new StringBuilder();
        GenerationListener listener = new GenerationListener() {
            @Override
            public void onPromptTokens(int[] tokens) {
                events.add("prompt " + tokens.length);
            }

            @Override
            public void onPrefillDone(int promptTokens, long nanos) {
                events.add("prefill " + promptTokens);
            }

            @Override
            public void onToken(int step, int maxNewTokens, int token, String text) {
                events.add("token " + step + "/" + maxNewTokens);
                streamed.append(text);
            }

            @Override
            public void onFinished(Generation generation) {
                events.add("finished " + generation.stopReason());
            }
        };
        Generation g = generator().generate(new int[] {TINY.tokenizer().bosId(), 'A'}, GenerationOptions.greedy(3),
                listener);
        assertEquals(List.of("prompt 2", "prefill 2", "token 0/3", "token 1/3", "token 2/3", "finished MAX_TOKENS"),
                events);
        assertEquals(g.text(), streamed.toString());
        assertEquals(TINY.tokenizer().decode(g.tokens()), g.text());
    }

    @Test
    void countersCountEveryBitLinearOfPrefillAndDecode() {
        Generation g = generator().generate(new int[] {TINY.tokenizer().bosId(), 'A'}, GenerationOptions.greedy(4),
                GenerationListener.NONE);
        // Prefill (one call per projection and layer) and 3 decode steps; the 4th token is not fed back.
        BitLinearCounts counts = g.counts();
        assertEquals(3, g.decodeSteps());
        assertEquals(4 * 2 * 7, counts.totalCalls());
        assertEquals((2 + 3) * 2, counts.vectors().get(Projection.Q));
        assertEquals(5 * BitNetConfig.tiny().ternaryWeightsPerToken(), counts.totalTernaryMacs());
    }

    @Test
    void generationStopsAtEosWhenAskedAndRunsOnOtherwise() {
        BitNetModel alwaysEos = modelWhoseHeadAlwaysPicks(TINY.tokenizer().eosId());
        Generator g = new Generator(alwaysEos, ReferenceTernaryMatmul.singleThreaded(), WorkerPool.singleThreaded());
        Generation stopped = g.generate("Ada", GenerationOptions.greedy(5), GenerationListener.NONE);
        assertEquals(StopReason.EOS, stopped.stopReason());
        assertArrayEquals(new int[] {TINY.tokenizer().eosId()}, stopped.tokens());
        assertEquals("", stopped.text());
        Generation onward = g.generate("Ada", new GenerationOptions(5, SamplingOptions.greedy(), true, false, false),
                GenerationListener.NONE);
        assertEquals(StopReason.MAX_TOKENS, onward.stopReason());
        assertEquals(5, onward.tokens().length);
    }

    /** The tiny model with an untied lm_head that gives {@code token} the top logit whatever the input. */
    private static BitNetModel modelWhoseHeadAlwaysPicks(int token) {
        BitNetConfig c = BitNetConfig.tiny();
        BitNetConfig untied = new BitNetConfig(c.hidden(), c.intermediate(), c.layers(), c.heads(), c.kvHeads(),
                c.headDim(), c.vocab(), c.context(), c.ropeTheta(), c.rmsEps(), c.activation(), c.subNorms(), false,
                c.ropeStyle());
        BitNetWeights w = SyntheticModel.create(untied, 42).weights();
        DenseMatrix head = new DenseMatrix() {
            @Override
            public int rows() {
                return c.vocab();
            }

            @Override
            public int cols() {
                return c.hidden();
            }

            @Override
            public float get(int row, int col) {
                return row == token ? 1 : 0;
            }

            @Override
            public float dotRow(int row, float[] x) {
                return row == token ? 100 : 0;
            }
        };
        return new BitNetModel(new BitNetWeights(untied, w.tokenEmbedding(), w.layers(), w.outputNorm(), head),
                TINY.tokenizer(), "tiny with a fixed head");
    }

    @Test
    void generationStopsWhenTheContextIsFull() {
        int context = BitNetConfig.tiny().context();
        int[] prompt = new int[context - 2];
        Arrays.fill(prompt, 'a');
        Generation g = generator().generate(prompt, GenerationOptions.greedy(10), GenerationListener.NONE);
        assertEquals(StopReason.CONTEXT_FULL, g.stopReason());
        assertEquals(3, g.tokens().length); // two more positions fill the cache, the third token is not fed back
    }

    @Test
    void promptLongerThanTheContextIsRefused() {
        int[] prompt = new int[BitNetConfig.tiny().context() + 1];
        ContextLengthException e = assertThrows(ContextLengthException.class,
                () -> generator().generate(prompt, GenerationOptions.greedy(1), GenerationListener.NONE));
        assertEquals("the prompt has 257 tokens, more than the model's context of 256", e.getMessage());
    }
}
