package dev.tern.energy.count;

import java.util.Comparator;
import java.util.Locale;

/**
 * One kind of arithmetic operation: an integer or floating-point add or multiply of a given
 * operand width. For integer adds the width is that of the wider operand, the number the energy
 * table's linear-in-bits rule scales with.
 */
public record OpType(Kind kind, Format format, int bits) implements Comparable<OpType> {

    public enum Kind { ADD, MUL }

    public enum Format { INT, FP }

    private static final Comparator<OpType> ORDER = Comparator
            .comparing(OpType::format)
            .thenComparing(OpType::kind)
            .thenComparingInt(OpType::bits);

    public OpType {
        if (kind == null || format == null) {
            throw new IllegalArgumentException("operation kind and format are required");
        }
        if (bits <= 0) {
            throw new IllegalArgumentException("operation width must be positive: " + bits);
        }
    }

    public static OpType intAdd(int bits) {
        return new OpType(Kind.ADD, Format.INT, bits);
    }

    public static OpType intMul(int bits) {
        return new OpType(Kind.MUL, Format.INT, bits);
    }

    public static OpType fpAdd(int bits) {
        return new OpType(Kind.ADD, Format.FP, bits);
    }

    public static OpType fpMul(int bits) {
        return new OpType(Kind.MUL, Format.FP, bits);
    }

    /** A short label such as {@code int12 add} or {@code fp16 mul}. */
    public String label() {
        return format.name().toLowerCase(Locale.ROOT) + bits + " " + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(OpType other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return label();
    }
}
