package dev.tern.energy.count;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * What a piece of hardware did, as counts of energy-relevant actions: datapath operations (adder
 * tree adds by width, multiplies by type), accumulator adds, register bits written, reads and
 * writes per on-chip memory, and bits moved to and from DRAM.
 *
 * <p>A value: two counts are equal when every number is, they add and scale, and
 * {@link #differences} lists field by field where two of them disagree, which is how analytic
 * counts are checked against counts measured in simulation.
 */
public record ActionCounts(
        SortedMap<OpType, Long> datapath,
        SortedMap<OpType, Long> accumulator,
        long registerBits,
        SortedMap<String, SramTraffic> sram,
        long dramReadBits,
        long dramWriteBits) {

    static final String DATAPATH = "datapath";
    static final String ACCUMULATOR = "accumulator";

    private static final ActionCounts NONE = builder().build();

    public ActionCounts {
        datapath = frozen(withoutZeros(datapath));
        accumulator = frozen(withoutZeros(accumulator));
        sram = frozen(sram);
        if (registerBits < 0 || dramReadBits < 0 || dramWriteBits < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        for (Map.Entry<OpType, Long> entry : datapath.entrySet()) {
            requireNonNegative(entry);
        }
        for (Map.Entry<OpType, Long> entry : accumulator.entrySet()) {
            requireNonNegative(entry);
        }
    }

    public static ActionCounts none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ActionCounts plus(ActionCounts other) {
        return new ActionCounts(
                merge(datapath, other.datapath, Math::addExact),
                merge(accumulator, other.accumulator, Math::addExact),
                Math.addExact(registerBits, other.registerBits),
                merge(sram, other.sram, SramTraffic::plus),
                Math.addExact(dramReadBits, other.dramReadBits),
                Math.addExact(dramWriteBits, other.dramWriteBits));
    }

    public ActionCounts times(long factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("negative factor " + factor);
        }
        SortedMap<OpType, Long> scaledDatapath = new TreeMap<>();
        datapath.forEach((op, n) -> scaledDatapath.put(op, Math.multiplyExact(n, factor)));
        SortedMap<OpType, Long> scaledAccumulator = new TreeMap<>();
        accumulator.forEach((op, n) -> scaledAccumulator.put(op, Math.multiplyExact(n, factor)));
        SortedMap<String, SramTraffic> scaledSram = new TreeMap<>();
        sram.forEach((name, traffic) -> scaledSram.put(name, traffic.times(factor)));
        return new ActionCounts(scaledDatapath, scaledAccumulator, Math.multiplyExact(registerBits, factor),
                scaledSram, Math.multiplyExact(dramReadBits, factor), Math.multiplyExact(dramWriteBits, factor));
    }

    /** Datapath and accumulator operations together. */
    public SortedMap<OpType, Long> arithmetic() {
        return frozen(merge(datapath, accumulator, Math::addExact));
    }

    public long dramBits() {
        return dramReadBits + dramWriteBits;
    }

    /**
     * Every field on which {@code actual} differs from these counts (taken as the expected ones),
     * in a stable order: datapath, accumulator, registers, SRAM per memory, DRAM.
     */
    public List<CountDifference> differences(ActionCounts actual) {
        List<CountDifference> result = new ArrayList<>();
        compareOps(DATAPATH, datapath, actual.datapath, result);
        compareOps(ACCUMULATOR, accumulator, actual.accumulator, result);
        compare("registers.bits", registerBits, actual.registerBits, result);
        TreeSet<String> memories = new TreeSet<>(sram.keySet());
        memories.addAll(actual.sram.keySet());
        for (String memory : memories) {
            SramTraffic expected = sram.get(memory);
            SramTraffic got = actual.sram.get(memory);
            String prefix = "sram." + memory + ".";
            compare(prefix + "capacityBytes", expected == null ? 0 : expected.capacityBytes(),
                    got == null ? 0 : got.capacityBytes(), result);
            compare(prefix + "reads", expected == null ? 0 : expected.reads(), got == null ? 0 : got.reads(), result);
            compare(prefix + "readBits", expected == null ? 0 : expected.readBits(),
                    got == null ? 0 : got.readBits(), result);
            compare(prefix + "writes", expected == null ? 0 : expected.writes(), got == null ? 0 : got.writes(), result);
            compare(prefix + "writeBits", expected == null ? 0 : expected.writeBits(),
                    got == null ? 0 : got.writeBits(), result);
        }
        compare("dram.readBits", dramReadBits, actual.dramReadBits, result);
        compare("dram.writeBits", dramWriteBits, actual.dramWriteBits, result);
        return List.copyOf(result);
    }

    private static void compareOps(String prefix, SortedMap<OpType, Long> expected, SortedMap<OpType, Long> actual,
            List<CountDifference> result) {
        TreeSet<OpType> ops = new TreeSet<>(expected.keySet());
        ops.addAll(actual.keySet());
        for (OpType op : ops) {
            compare(prefix + "." + op.label(), expected.getOrDefault(op, 0L), actual.getOrDefault(op, 0L), result);
        }
    }

    private static void compare(String field, long expected, long actual, List<CountDifference> result) {
        if (expected != actual) {
            result.add(new CountDifference(field, expected, actual));
        }
    }

    private static <K, V> SortedMap<K, V> merge(Map<K, V> a, Map<K, V> b, BiFunction<V, V, V> combine) {
        SortedMap<K, V> result = new TreeMap<>(a);
        b.forEach((key, value) -> result.merge(key, value, combine));
        return result;
    }

    private static SortedMap<OpType, Long> withoutZeros(SortedMap<OpType, Long> counts) {
        SortedMap<OpType, Long> result = new TreeMap<>(counts);
        result.values().removeIf(n -> n == 0L);
        return result;
    }

    private static <K, V> SortedMap<K, V> frozen(SortedMap<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    private static void requireNonNegative(Map.Entry<OpType, Long> entry) {
        if (entry.getValue() < 0) {
            throw new IllegalArgumentException("negative count for " + entry.getKey().label());
        }
    }

    /** Accumulates counts; each call adds to what is there. */
    public static final class Builder {
        private final SortedMap<OpType, Long> datapath = new TreeMap<>();
        private final SortedMap<OpType, Long> accumulator = new TreeMap<>();
        private final SortedMap<String, SramTraffic> sram = new TreeMap<>();
        private long registerBits;
        private long dramReadBits;
        private long dramWriteBits;

        private Builder() {
        }

        public Builder datapath(OpType op, long count) {
            datapath.merge(op, count, Math::addExact);
            return this;
        }

        public Builder accumulator(OpType op, long count) {
            accumulator.merge(op, count, Math::addExact);
            return this;
        }

        public Builder registerBits(long bits) {
            registerBits = Math.addExact(registerBits, bits);
            return this;
        }

        public Builder sramRead(String memory, long capacityBytes, long accesses, long bitsPerAccess) {
            sram.merge(memory, new SramTraffic(capacityBytes, accesses, Math.multiplyExact(accesses, bitsPerAccess), 0, 0),
                    SramTraffic::plus);
            return this;
        }

        public Builder sramWrite(String memory, long capacityBytes, long accesses, long bitsPerAccess) {
            sram.merge(memory, new SramTraffic(capacityBytes, 0, 0, accesses, Math.multiplyExact(accesses, bitsPerAccess)),
                    SramTraffic::plus);
            return this;
        }

        public Builder dramReadBits(long bits) {
            dramReadBits = Math.addExact(dramReadBits, bits);
            return this;
        }

        public Builder dramWriteBits(long bits) {
            dramWriteBits = Math.addExact(dramWriteBits, bits);
            return this;
        }

        public ActionCounts build() {
            return new ActionCounts(datapath, accumulator, registerBits, sram, dramReadBits, dramWriteBits);
        }
    }
}
