package dev.tern.bitnet.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.bitnet.model.BitNetException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final float[] LOGITS = {0.5f, 3f, 2.9f, -1f, 3f, 0f};

    @Test
    void greedyTakesTheLowestIdAmongTheLargest() {
        assertEquals(1, new Sampler(SamplingOptions.greedy()).next(LOGITS));
    }

    @Test
    void sameSeedSameTokens() {
        SamplingOptions options = new SamplingOptions(1.0, 0, 1.0, 42);
        Sampler a = new Sampler(options);
        Sampler b = new Sampler(options);
        for (int i = 0; i < 50; i++) {
            assertEquals(a.next(LOGITS), b.next(LOGITS));
        }
    }

    @Test
    void topKOneIsGreedy() {
        Sampler sampler = new Sampler(new SamplingOptions(2.0, 1, 1.0, 7));
        for (int i = 0; i < 20; i++) {
            assertEquals(1, sampler.next(LOGITS));
        }
    }

    @Test
    void topKLimitsTheCandidates() {
        Sampler sampler = new Sampler(new SamplingOptions(5.0, 3, 1.0, 7));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(sampler.next(LOGITS));
        }
        assertEquals(Set.of(1, 2, 4), seen);
    }

    @Test
    void topPKeepsTheSmallestSetReachingIt() {
        // Probabilities at temperature 1: ~0.35 (id 1), 0.35 (id 4), 0.31 (id 2), then small ones.
        Sampler sampler = new Sampler(new SamplingOptions(1.0, 0, 0.5, 3));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            seen.add(sampler.next(LOGITS));
        }
        assertEquals(Set.of(1, 4), seen);
    }

    @Test
    void hotSamplingVisitsUnlikelyTokens() {
        Sampler sampler = new Sampler(new SamplingOptions(100.0, 0, 1.0, 3));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(sampler.next(LOGITS));
        }
        assertTrue(seen.contains(3), "token 3 never sampled at temperature 100");
    }

    @Test
    void badOptionsAreNamed() {
        assertEquals("temperature must be a finite number >= 0, got -1.0",
                assertThrows(BitNetException.class, () -> new SamplingOptions(-1, 0, 1, 0)).getMessage());
        assertEquals("top-p must be in (0, 1], got 0.0",
                assertThrows(BitNetException.class, () -> new SamplingOptions(1, 0, 0, 0)).getMessage());
    }
}
