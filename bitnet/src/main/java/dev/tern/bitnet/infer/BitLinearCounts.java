package dev.tern.bitnet.infer;

import dev.tern.bitnet.model.Projection;
import java.util.Map;

/**
 * How much BitLinear work a run did, per projection kind: integer matmul calls, activation vectors
 * multiplied (tokens times calls), and ternary multiply-accumulates (weights times vectors).
 */
public record BitLinearCounts(Map<Projection, Long> calls, Map<Projection, Long> vectors,
        Map<Projection, Long> ternaryMacs) {
    public BitLinearCounts {
        calls = Map.copyOf(calls);
        vectors = Map.copyOf(vectors);
        ternaryMacs = Map.copyOf(ternaryMacs);
    }

    public long totalCalls() {
        return sum(calls);
    }

    public long totalVectors() {
        return sum(vectors);
    }

    public long totalTernaryMacs() {
        return sum(ternaryMacs);
    }

    private static long sum(Map<Projection, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }
}
