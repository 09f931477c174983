package dev.tern.bitnet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The most heap in use since {@link #start}: the sum of every heap pool's peak. The pools may peak at
 * different moments, so this is an upper bound of the true peak, never an underestimate. What is in use
 * includes garbage not yet collected: with a large {@code -Xmx} the collector may let it grow, so a heap goal
 * is checked with {@code -Xmx} at the goal.
 */
public final class HeapPeak {
    private final List<MemoryPoolMXBean> pools;

    private HeapPeak(List<MemoryPoolMXBean> pools) {
        this.pools = pools;
    }

    /** Starts measuring: forgets every heap pool's earlier peak. */
    public static HeapPeak start() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        return new HeapPeak(heap);
    }

    public long peakBytes() {
        return pools.stream().filter(MemoryPoolMXBean::isValid).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
