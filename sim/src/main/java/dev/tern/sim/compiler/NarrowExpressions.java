package dev.tern.sim.compiler;

import dev.tern.sim.ops.NarrowOps;

/**
 * Java expressions for the operators of {@link NarrowOps}, specialised to the constant widths, positions and
 * amounts of one node: each is the body of the {@code NarrowOps} method of the same name with its masks
 * and shifts folded to literals and the steps a width makes useless left out (no mask on a 64-bit result,
 * none where the bits above the width are already zero). Generated code written this way does not depend
 * on the JIT inlining hundreds of small calls per method, and its bytecode is smaller, so more of a design
 * fits a method. Operands and results are canonical values, as in {@code NarrowOps}; the engine
 * equivalence tests check every operator of these against the interpreter, which calls {@code NarrowOps}.
 *
 * <p>Operands are Java expressions of type {@code long} that are atoms (a local, a slot, a literal) or
 * parenthesised; every result is one of those as well.
 */
final class NarrowExpressions {
    private NarrowExpressions() {
    }

    private static final String ZERO = literal(0);

    static String literal(long value) {
        return "0x" + Long.toHexString(value) + "L";
    }

    /** The low {@code width} bits of {@code e}, a long expression whose higher bits may be set. */
    static String mask(String e, int width) {
        return width >= 64 ? "(" + e + ")" : "(" + e + " & " + literal(NarrowOps.mask(width)) + ")";
    }

    /** A canonical value of {@code width} bits read as two's complement, sign-extended to 64 bits. */
    static String signExtend(String a, int width) {
        return width >= 64 ? a : "(" + a + " << " + (64 - width) + " >> " + (64 - width) + ")";
    }

    static String add(String a, String b, int width) {
        return mask(a + " + " + b, width);
    }

    static String sub(String a, String b, int width) {
        return mask(a + " - " + b, width);
    }

    /** The full product of a {@code widthA}- and a {@code widthB}-bit value, at most 64 bits wide. */
    static String mul(String a, int widthA, String b, int widthB, boolean signed) {
        if (!signed) {
            return "(" + a + " * " + b + ")";
        }
        return mask(signExtend(a, widthA) + " * " + signExtend(b, widthB), widthA + widthB);
    }

    static String and(String a, String b) {
        return "(" + a + " & " + b + ")";
    }

    static String or(String a, String b) {
        return "(" + a + " | " + b + ")";
    }

    static String xor(String a, String b) {
        return "(" + a + " ^ " + b + ")";
    }

    static String eq(String a, String b, int width) {
        if (width >= 64) {
            return call("eq", a, b, width);
        }
        return b.equals(ZERO) ? "((" + a + " - 1L) >>> 63)" : "(((" + a + " ^ " + b + ") - 1L) >>> 63)";
    }

    static String ne(String a, String b, int width) {
        return width < 64 ? "(-(" + a + " ^ " + b + ") >>> 63)" : call("ne", a, b, width);
    }

    /** {@code a < b}; the other orderings swap the operands or invert the result. */
    static String lt(String a, String b, int width, boolean signed) {
        if (width >= 64) {
            return "NarrowOps.lt(" + a + ", " + b + ", " + width + ", " + signed + ")";
        }
        return signed ? "((" + signExtend(a, width) + " - " + signExtend(b, width) + ") >>> 63)" : "((" + a + " - " + b + ") >>> 63)";
    }

    static String le(String a, String b, int width, boolean signed) {
        return not1(lt(b, a, width, signed));
    }

    static String gt(String a, String b, int width, boolean signed) {
        return lt(b, a, width, signed);
    }

    static String ge(String a, String b, int width, boolean signed) {
        return not1(lt(a, b, width, signed));
    }

    private static String not1(String bit) {
        return "(" + bit + " ^ 1L)";
    }

    /** Shift left by a constant amount. */
    static String shl(String a, long amount, int width) {
        if (Long.compareUnsigned(amount, width) >= 0) {
            return "0L";
        }
        return amount == 0 ? a : mask(a + " << " + amount, width);
    }

    /** Logical shift right by a constant amount. */
    static String shr(String a, long amount, int width) {
        if (Long.compareUnsigned(amount, width) >= 0) {
            return "0L";
        }
        return amount == 0 ? a : "(" + a + " >>> " + amount + ")";
    }

    /** Arithmetic shift right by a constant amount: copies of the sign bit come in. */
    static String sra(String a, long amount, int width) {
        long clamped = Long.compareUnsigned(amount, 63) > 0 ? 63 : amount;
        return mask(signExtend(a, width) + " >> " + clamped, width);
    }

    static String not(String a, int width) {
        return mask("~" + a, width);
    }

    static String neg(String a, int width) {
        return mask("-" + a, width);
    }

    static String andReduce(String a, int width) {
        return eq(a, literal(NarrowOps.mask(width)), width);
    }

    static String orReduce(String a, int width) {
        // Below 64 bits a canonical value is non-negative, so its negation has the sign bit exactly when it is not zero.
        return width < 64 ? "(-" + a + " >>> 63)" : "((" + a + " | -" + a + ") >>> 63)";
    }

    static String xorReduce(String a) {
        return "(Long.bitCount(" + a + ") & 1L)";
    }

    /** {@code select ? whenTrue : whenFalse} without a branch; a constant zero on either side saves a step. */
    static String mux(String select, String whenTrue, String whenFalse) {
        if (whenFalse.equals(ZERO)) {
            return "(" + whenTrue + " & -" + select + ")";
        }
        if (whenTrue.equals(ZERO)) {
            return "(" + whenFalse + " & (" + select + " - 1L))";
        }
        return "(" + whenFalse + " ^ ((" + whenTrue + " ^ " + whenFalse + ") & -" + select + "))";
    }

    /** {@code high} followed by the {@code lowWidth} bits of {@code low}. */
    static String concat(String high, String low, int lowWidth) {
        return "(" + high + " << " + lowWidth + " | " + low + ")";
    }

    /**
     * Bits {@code low + width - 1 .. low} of a canonical {@code fromWidth}-bit value: no mask when they
     * are its top bits.
     */
    static String slice(String a, int fromWidth, int low, int width) {
        String shifted = low == 0 ? a : "(" + a + " >>> " + low + ")";
        return low + width >= fromWidth ? shifted : mask(shifted, width);
    }

    /**
     * Bits {@code low + width - 1 .. low} of a wide canonical value of {@code fromWidth} bits whose words
     * are the slots from {@code slot}: one or two words shifted and joined.
     */
    static String extract(int slot, int fromWidth, int low, int width) {
        int word = low >>> 6;
        int bit = low & 63;
        String first = "v[" + (slot + word) + "]";
        String bits = bit == 0 ? first : "(" + first + " >>> " + bit + ")";
        if (bit != 0 && bit + width > 64) {
            bits = "(" + bits + " | v[" + (slot + word + 1) + "] << " + (64 - bit) + ")";
        }
        return low + width >= fromWidth ? bits : mask(bits, width);
    }

    /** Widens by copies of the sign bit or by zeros. */
    static String extend(String a, int fromWidth, int width, boolean signed) {
        return signed ? mask(signExtend(a, fromWidth), width) : a;
    }

    private static String call(String name, String a, String b, int width) {
        return "NarrowOps." + name + "(" + a + ", " + b + ", " + width + ")";
    }
}
