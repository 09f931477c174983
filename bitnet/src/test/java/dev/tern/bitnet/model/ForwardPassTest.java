package dev.tern.bitnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.bitnet.synth.SyntheticModel;
import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseElementType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardPassTest {
    private static final int[] TOKENS = {256, 72, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100};

    @Test
    void tinyPresetMatchesTheNaiveDefinition() {
        BitNetWeights w = SyntheticModel.create(BitNetConfig.tiny(), 5).weights();
        assertMatchesNaive(w, TOKENS);
    }

    @Test
    void swigluAdjacentRopeWithoutSubNormsUntiedWithOutputScalesMatchesTheNaiveDefinition() {
        BitNetConfig config = new BitNetConfig(64, 96, 2, 4, 2, 16, 300, 32, 10_000f, 1e-6f,
                FfnActivation.SWIGLU, false, false, RopeStyle.ADJACENT_PAIRS);
        BitNetWeights base = SyntheticModel.create(config, 9).weights();
        List<LayerWeights> scaled = new ArrayList<>();
        for (LayerWeights l : base.layers()) {
            scaled.add(LayerWeights.assemble(
                    p -> new BitLinear(l.projection(p).weight(), 0.5f + p.ordinal() * 0.25f), l::norm));
        }
        float[] head = new float[config.vocab() * config.hidden()];
        for (int i = 0; i < head.length; i++) {
            head[i] = ((i * 37) % 101 - 50) / 400f;
        }
        BitNetWeights w = new BitNetWeights(config, base.tokenEmbedding(), scaled, base.outputNorm(),
                BufferDenseMatrix.of(DenseElementType.F32, config.vocab(), config.hidden(), head));
        assertMatchesNaive(w, TOKENS);
    }

    @Test
    void promptInOneBatchGivesExactlyTheLogitsOfOneTokenAtATime() {
        BitNetWeights w = SyntheticModel.create(BitNetConfig.tiny(), 3).weights();
        try (WorkerPool pool = new WorkerPool(2)) {
            ForwardPass forward = new ForwardPass(w, new ReferenceTernaryMatmul(pool), pool, BitLinearObserver.NONE);
            float[][] batched = forward.forward(forward.newCache(TOKENS.length), TOKENS, ForwardPass.Logits.ALL);
            KvCache cache = forward.newCache(TOKENS.length);
            for (int t = 0; t < TOKENS.length; t++) {
                float[] single = forward.forward(cache, new int[] {TOKENS[t]}, ForwardPass.Logits.LAST)[0];
                assertArrayEquals(batched[t], single, "position " + t);
            }
            assertEquals(TOKENS.length, cache.length());
        }
    }

    @Test
    void lastLogitsAreTheLastRowOfAllLogits() {
        BitNetWeights w = SyntheticModel.create(BitNetConfig.tiny(), 3).weights();
        ForwardPass forward = new ForwardPass(w, ReferenceTernaryMatmul.singleThreaded(), WorkerPool.singleThreaded(),
                BitLinearObserver.NONE);
        float[][] all = forward.forward(forward.newCache(5), new int[] {1, 2, 3, 4, 5}, ForwardPass.Logits.ALL);
        float[][] last = forward.forward(forward.newCache(5), new int[] {1, 2, 3, 4, 5}, ForwardPass.Logits.LAST);
        assertEquals(1, last.length);
        assertArrayEquals(all[4], last[0]);
    }

    @Test
    void everyProjectionIsOneMatmulCallPerBatch() {
        BitNetWeights w = SyntheticModel.create(BitNetConfig.tiny(), 3).weights();
        List<String> calls = new ArrayList<>();
        ForwardPass forward = new ForwardPass(w, ReferenceTernaryMatmul.singleThreaded(), WorkerPool.singleThreaded(),
                (layer, p, in, out, tokens) -> calls.add(layer + " " + p + " " + out + "x" + in + " x" + tokens));
        forward.forward(forward.newCache(8), new int[] {1, 2, 3}, ForwardPass.Logits.LAST);
        assertEquals(List.of("0 Q 128x128 x3", "0 K 64x128 x3", "0 V 64x128 x3", "0 O 128x128 x3",
                "0 GATE 384x128 x3", "0 UP 384x128 x3", "0 DOWN 128x384 x3",
                "1 Q 128x128 x3", "1 K 64x128 x3", "1 V 64x128 x3", "1 O 128x128 x3",
                "1 GATE 384x128 x3", "1 UP 384x128 x3", "1 DOWN 128x384 x3"), calls);
    }

    @Test
    void positionsBeyondTheCacheAreRefusedBeforeAnythingChanges() {
        BitNetWeights w = SyntheticModel.create(BitNetConfig.tiny(), 3).weights();
        ForwardPass forward = new ForwardPass(w, ReferenceTernaryMatmul.singleThreaded(), WorkerPool.singleThreaded(),
                BitLinearObserver.NONE);
        KvCache cache = forward.newCache(4);
        forward.forward(cache, new int[] {1, 2, 3}, ForwardPass.Logits.LAST);
        ContextLengthException e = assertThrows(ContextLengthException.class,
                () -> forward.forward(cache, new int[] {4, 5}, ForwardPass.Logits.LAST));
        assertEquals("sequence of 5 positions exceeds the KV cache of 4 positions", e.getMessage());
        assertEquals(3, cache.length());
    }

    @Test
    void cacheLargerThanTheContextIsRefused() {
        ContextLengthException e = assertThrows(ContextLengthException.class,
                () -> new KvCache(BitNetConfig.tiny(), 257));
        assertEquals("KV cache of 257 positions: must be 1..256 (the model's context)", e.getMessage());
    }

    @Test
    void tokenOutsideTheVocabularyIsNamed() {
        BitNetWeights w = SyntheticModel.create(BitNetConfig.tiny(), 3).weights();
        ForwardPass forward = new ForwardPass(w, ReferenceTernaryMatmul.singleThreaded(), WorkerPool.singleThreaded(),
                BitLinearObserver.NONE);
        BitNetException e = assertThrows(BitNetException.class,
                () -> forward.forward(forward.newCache(2), new int[] {512}, ForwardPass.Logits.LAST));
        assertEquals("token id 512 is outside the vocabulary of 512", e.getMessage());
    }

    private static void assertMatchesNaive(BitNetWeights w, int[] tokens) {
        ForwardPass forward = new ForwardPass(w, ReferenceTernaryMatmul.singleThreaded(), WorkerPool.singleThreaded(),
                BitLinearObserver.NONE);
        float[][] actual = forward.forward(forward.newCache(tokens.length), tokens, ForwardPass.Logits.ALL);
        double[][] expected = NaiveBitNet.logits(w, tokens);
        double maxDiff = 0;
        double maxLogit = 0;
        for (int t = 0; t < tokens.length; t++) {
            for (int r = 0; r < expected[t].length; r++) {
                maxDiff = Math.max(maxDiff, Math.abs(expected[t][r] - actual[t][r]));
                maxLogit = Math.max(maxLogit, Math.abs(expected[t][r]));
            }
        }
        assertTrue(maxLogit > 1, "logits should not be trivially small: " + maxLogit);
        assertTrue(maxDiff < 1e-3, "max |logit difference| " + maxDiff);
    }
}
