package dev.tern.bitnet.infer;

import dev.tern.bitnet.model.BitLinearObserver;
import dev.tern.bitnet.model.Projection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts the BitLinear work of forward passes; give it to a forward pass as its observer. */
public final class BitLinearCounters implements BitLinearObserver {
    private static final Projection[] PROJECTIONS = Projection.values();

    private final AtomicLongArray calls = new AtomicLongArray(PROJECTIONS.length);
    private final AtomicLongArray vectors = new AtomicLongArray(PROJECTIONS.length);
    private final AtomicLongArray macs = new AtomicLongArray(PROJECTIONS.length);

    @Override
    public void onBitLinear(int layer, Projection projection, int inFeatures, int outFeatures, int tokens) {
        int i = projection.ordinal();
        calls.incrementAndGet(i);
        vectors.addAndGet(i, tokens);
        macs.addAndGet(i, (long) inFeatures * outFeatures * tokens);
    }

    public BitLinearCounts snapshot() {
        return new BitLinearCounts(read(calls), read(vectors), read(macs));
    }

    private static Map<Projection, Long> read(AtomicLongArray values) {
        Map<Projection, Long> map = new EnumMap<>(Projection.class);
        for (Projection p : PROJECTIONS) {
            map.put(p, values.get(p.ordinal()));
        }
        return map;
    }
}
