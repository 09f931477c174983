package dev.tern.synth;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Primitive cells by type (e.g. {@code SB_LUT4 -> 131}), and their sums by {@link CellCategory} for a target.
 */
public record ResourceCounts(SynthTarget target, Map<String, Long> cellsByType) {

    public ResourceCounts {
        cellsByType = Collections.unmodifiableMap(new TreeMap<>(cellsByType));
    }

    public static ResourceCounts empty(SynthTarget target) {
        return new ResourceCounts(target, Map.of());
    }

    /** Cells of every type in the category. */
    public long count(CellCategory category) {
        return cellsByType.entrySet().stream()
                .filter(e -> target.categoryOf(e.getKey()) == category)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long luts() {
        return count(CellCategory.LUT);
    }

    public long flipFlops() {
        return count(CellCategory.FLIP_FLOP);
    }

    /** Cells of one exact type, 0 when absent. */
    public long ofType(String cellType) {
        return cellsByType.getOrDefault(cellType, 0L);
    }

    /** Every category with its count, in declaration order. */
    public Map<CellCategory, Long> byCategory() {
        Map<CellCategory, Long> result = new EnumMap<>(CellCategory.class);
        for (CellCategory category : CellCategory.values()) {
            result.put(category, count(category));
        }
        return result;
    }

    public ResourceCounts plus(ResourceCounts other) {
        Map<String, Long> sum = new TreeMap<>(cellsByType);
        other.cellsByType.forEach((type, n) -> sum.merge(type, n, Long::sum));
        return new ResourceCounts(target, sum);
    }

    public ResourceCounts times(long factor) {
        Map<String, Long> product = new TreeMap<>();
        cellsByType.forEach((type, n) -> product.put(type, n * factor));
        return new ResourceCounts(target, product);
    }
}
