package dev.tern.hdl.ir;

import java.math.BigInteger;

/** Unary operators: their result type and their value, defined here once for every backend. */
public enum UnaryOp {
    /** Bitwise inverse; same type. */
    NOT,
    /** Two's complement negation, wrapping at the operand's width; same type. */
    NEG,
    /** Reductions: one Bool from all bits. */
    AND_REDUCE,
    OR_REDUCE,
    XOR_REDUCE;

    public HwType resultType(HwType operand) {
        return switch (this) {
            case NOT, NEG -> operand;
            case AND_REDUCE, OR_REDUCE, XOR_REDUCE -> HwType.bool();
        };
    }

    public Bits apply(Bits a) {
        int w = a.width();
        BigInteger v = a.toUnsigned();
        return switch (this) {
            case NOT -> Bits.of(w, v.xor(Bits.mask(w)));
            case NEG -> Bits.of(w, v.negate());
            case AND_REDUCE -> Bits.of(1, v.equals(Bits.mask(w)) ? 1 : 0);
            case OR_REDUCE -> Bits.of(1, v.signum() != 0 ? 1 : 0);
            case XOR_REDUCE -> Bits.of(1, v.bitCount() & 1);
        };
    }
}
