package dev.tern.hdl.ir;

import java.math.BigInteger;

/**
 * Binary operators of the IR: the operand rules, the result type and the value, defined here once
 * for the checker, the Verilog emitter and both simulator engines.
 *
 * <p>In the IR, operands of arithmetic, bitwise and comparison operators already have the same width
 * and signedness (the DSL extends the narrower one); results wrap at that width. Multiplication gives
 * the full product ({@code wa + wb} bits). Shifts keep the width of the shifted value; the amount is
 * unsigned and may exceed the width (then every bit is shifted out).
 */
public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"),
    AND("&"), OR("|"), XOR("^"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    /** Shift left, zeros in. */
    SHL("<<"),
    /** Logical shift right, zeros in. */
    SHR(">>"),
    /** Arithmetic shift right: copies of the most significant bit in, whatever the operand's type. */
    SRA(">>>");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** The Verilog spelling of this operator. */
    public String symbol() {
        return symbol;
    }

    public boolean isComparison() {
        return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }

    public boolean isShift() {
        return this == SHL || this == SHR || this == SRA;
    }

    /**
     * The result type of {@code a op b}, or an {@link IllegalArgumentException} saying which operand
     * rule the pair breaks.
     */
    public HwType resultType(HwType a, HwType b) {
        if (isShift()) {
            if (b.signed()) {
                throw new IllegalArgumentException("shift amount must be unsigned, got " + b);
            }
            return a;
        }
        if (a.signed() != b.signed()) {
            throw new IllegalArgumentException("operands of " + symbol + " mix signed and unsigned: " + a + " and " + b);
        }
        if (this == MUL) {
            int width = a.width() + b.width();
            return a.signed() ? HwType.sint(width) : HwType.uint(width);
        }
        if (a.width() != b.width()) {
            throw new IllegalArgumentException("operands of " + symbol + " differ in width: " + a + " and " + b);
        }
        if (isComparison()) {
            return HwType.bool();
        }
        if ((this == AND || this == OR || this == XOR) && a.kind() == HwType.Kind.BOOL && b.kind() == HwType.Kind.BOOL) {
            return HwType.bool();
        }
        return a.kind() == HwType.Kind.BOOL ? HwType.uint(1) : a;
    }

    /** The value of {@code a op b} where the operands have types {@code ta} and {@code tb}. */
    public Bits apply(Bits a, Bits b, HwType ta, HwType tb) {
        HwType result = resultType(ta, tb);
        int w = result.width();
        return switch (this) {
            case ADD -> Bits.of(w, a.toUnsigned().add(b.toUnsigned()));
            case SUB -> Bits.of(w, a.toUnsigned().subtract(b.toUnsigned()));
            case MUL -> Bits.of(w, a.as(ta).multiply(b.as(tb)));
            case AND -> Bits.of(w, a.toUnsigned().and(b.toUnsigned()));
            case OR -> Bits.of(w, a.toUnsigned().or(b.toUnsigned()));
            case XOR -> Bits.of(w, a.toUnsigned().xor(b.toUnsigned()));
            case EQ -> bool(a.toUnsigned().equals(b.toUnsigned()));
            case NE -> bool(!a.toUnsigned().equals(b.toUnsigned()));
            case LT -> bool(a.as(ta).compareTo(b.as(tb)) < 0);
            case LE -> bool(a.as(ta).compareTo(b.as(tb)) <= 0);
            case GT -> bool(a.as(ta).compareTo(b.as(tb)) > 0);
            case GE -> bool(a.as(ta).compareTo(b.as(tb)) >= 0);
            case SHL -> shiftAmountBelow(b, w) ? Bits.of(w, a.toUnsigned().shiftLeft(b.toUnsigned().intValue())) : Bits.zero(w);
            case SHR -> shiftAmountBelow(b, w) ? Bits.of(w, a.toUnsigned().shiftRight(b.toUnsigned().intValue())) : Bits.zero(w);
            case SRA -> Bits.of(w, a.toSigned().shiftRight(shiftAmountBelow(b, w) ? b.toUnsigned().intValue() : w));
        };
    }

    private static boolean shiftAmountBelow(Bits amount, int width) {
        return amount.toUnsigned().compareTo(BigInteger.valueOf(width)) < 0;
    }

    private static Bits bool(boolean value) {
        return Bits.of(1, value ? 1 : 0);
    }
}
