package dev.tern.hdl.catalog;

import dev.tern.hdl.Signal;

/**
 * The operations of {@link Alu}, with the op code that selects each. Operands are unsigned words;
 * the signed operations read them as two's complement. Shifts move {@code a} by the whole value of
 * {@code b}: by the word width or more, every bit is shifted out (zeros, or copies of the sign for
 * {@link #SHIFT_RIGHT_ARITHMETIC}). Comparisons give 1 or 0.
 */
public enum AluOp {
    ADD(0),
    SUB(1),
    AND(2),
    OR(3),
    XOR(4),
    SHIFT_LEFT(5),
    SHIFT_RIGHT_LOGICAL(6),
    SHIFT_RIGHT_ARITHMETIC(7),
    LESS_THAN_SIGNED(8),
    LESS_THAN_UNSIGNED(9);

    /** Bits of the op code input. */
    public static final int CODE_WIDTH = 4;

    private final int code;

    AluOp(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The result of this operation on two words of the same width, as a word of that width. */
    Signal apply(Signal a, Signal b) {
        return switch (this) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case AND -> a.and(b);
            case OR -> a.or(b);
            case XOR -> a.xor(b);
            case SHIFT_LEFT -> a.shl(b);
            case SHIFT_RIGHT_LOGICAL -> a.shr(b);
            case SHIFT_RIGHT_ARITHMETIC -> a.sra(b);
            case LESS_THAN_SIGNED -> a.asSInt().lt(b.asSInt()).zext(a.width());
            case LESS_THAN_UNSIGNED -> a.lt(b).zext(a.width());
        };
    }
}
