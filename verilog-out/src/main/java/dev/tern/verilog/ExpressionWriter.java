package dev.tern.verilog;

import dev.tern.hdl.ir.BinaryOp;
import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.HwType;
import dev.tern.hdl.ir.UnaryOp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes IR expressions as Verilog-2005 text whose value is exactly the IR's.
 *
 * <p>Every value is declared as an unsigned vector; signedness lives only in the operators that need
 * it ({@code $signed} around the operands of signed comparisons and arithmetic shifts). Verilog sizes
 * an operator by its context, so the writer keeps every operand in a context of its own IR width: the
 * IR already gives the operands of {@code + - & | ^ ==} etc. the width of their result, an
 * arithmetic shift nested in another operator is wrapped in a concatenation (which evaluates its
 * content self-determined), and the few constructs Verilog cannot express inline (a slice or sign
 * extension of a compound expression, a product) go through a temporary wire {@code _tN}.
 */
final class ExpressionWriter {
    record Temporary(String name, int width, String expression) {
    }

    private final Map<String, Integer> widths;
    private final Map<String, BitSet> bitsRead = new HashMap<>();
    private final List<Temporary> temporaries = new ArrayList<>();
    private final Map<Expr, String> temporaryOf = new HashMap<>();

    /** @param widths the width of every net name of the module, for recording which bits are read */
    ExpressionWriter(Map<String, Integer> widths) {
        this.widths = new HashMap<>(widths);
    }

    List<Temporary> temporaries() {
        return temporaries;
    }

    /** The bits of {@code name} that the written expressions read. */
    BitSet bitsRead(String name) {
        return bitsRead.getOrDefault(name, new BitSet());
    }

    /** The expression for a context exactly as wide as {@code e} (an assignment, a port connection). */
    String top(Expr e) {
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.MUL) {
            return product(b);
        }
        return write(e, false);
    }

    /**
     * @param nested true when the text becomes an operand of another operator, where a signed
     *               operator would otherwise be evaluated as unsigned
     */
    private String write(Expr e, boolean nested) {
        if (e instanceof Expr.Ref r) {
            return name(r.net().name());
        }
        if (e instanceof Expr.Literal lit) {
            return literal(lit.value());
        }
        if (e instanceof Expr.Reinterpret r) {
            return write(r.operand(), nested);
        }
        if (e instanceof Expr.Unary u) {
            String operand = operand(u.operand());
            return switch (u.op()) {
                case NOT -> "~" + operand;
                case NEG -> "-" + operand;
                case AND_REDUCE -> "&" + operand;
                case OR_REDUCE -> "|" + operand;
                case XOR_REDUCE -> "^" + operand;
            };
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, nested);
        }
        if (e instanceof Expr.Mux m) {
            return operand(m.select()) + " ? " + operand(m.whenTrue()) + " : " + operand(m.whenFalse());
        }
        if (e instanceof Expr.Concat c) {
            List<String> parts = new ArrayList<>();
            for (Expr p : c.parts()) {
                parts.add(write(p, false));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (e instanceof Expr.Slice s) {
            return slice(s, nested);
        }
        Expr.Extend x = (Expr.Extend) e;
        return x.width() == x.operand().width() ? write(x.operand(), nested) : extend(x.operand(), x.width(), x.signExtend());
    }

    /** An operand of an operator: parenthesised unless it is a name, literal or concatenation. */
    private String operand(Expr e) {
        String text = write(e, true);
        return atomic(e) ? text : "(" + text + ")";
    }

    private static boolean atomic(Expr e) {
        while (e instanceof Expr.Reinterpret r) {
            e = r.operand();
        }
        // A slice of every bit and an extension by no bits are written as their operand alone.
        if (e instanceof Expr.Slice s && s.low() == 0 && s.high() == s.operand().width() - 1) {
            return atomic(s.operand());
        }
        if (e instanceof Expr.Extend x && x.width() == x.operand().width()) {
            return atomic(x.operand());
        }
        return e instanceof Expr.Ref || e instanceof Expr.Literal || e instanceof Expr.Concat || e instanceof Expr.Extend
                || e instanceof Expr.Slice || (e instanceof Expr.Binary b && b.op() == BinaryOp.SRA);
    }

    private String binary(Expr.Binary b, boolean nested) {
        BinaryOp op = b.op();
        if (op == BinaryOp.MUL) {
            return name(temporary(b, product(b)));
        }
        if (op == BinaryOp.SRA) {
            String text = "$signed(" + write(b.left(), false) + ") >>> " + operand(b.right());
            return nested ? "{" + text + "}" : text;
        }
        if (op.isComparison() && b.left().type().signed()) {
            return "$signed(" + write(b.left(), false) + ") " + op.symbol() + " $signed(" + write(b.right(), false) + ")";
        }
        return operand(b.left()) + " " + op.symbol() + " " + operand(b.right());
    }

    /** A product in a context of the product's width: operands extended to it, so the low bits are exact for any signedness. */
    private String product(Expr.Binary b) {
        int width = b.width();
        return operandAt(b.left(), width) + " * " + operandAt(b.right(), width);
    }

    private String operandAt(Expr e, int width) {
        String text = e.width() == width ? write(e, true) : extend(e, width, e.type().signed());
        return atomic(e) || e.width() != width ? text : "(" + text + ")";
    }

    private String slice(Expr.Slice s, boolean nested) {
        Expr operand = s.operand();
        if (s.low() == 0 && s.high() == operand.width() - 1) {
            return write(operand, nested);
        }
        String base = named(operand);
        markRead(base, s.low(), s.high());
        return s.high() == s.low() ? base + "[" + s.low() + "]" : base + "[" + s.high() + ":" + s.low() + "]";
    }

    private String extend(Expr operand, int width, boolean signExtend) {
        int extra = width - operand.width();
        if (extra == 0) {
            return write(operand, false);
        }
        String fill;
        if (signExtend) {
            String base = named(operand);
            int msb = operand.width() - 1;
            markRead(base, msb, msb);
            String sign = operand.width() == 1 ? base : base + "[" + msb + "]";
            fill = extra == 1 ? sign : "{" + extra + "{" + sign + "}}";
        } else {
            fill = extra == 1 ? "1'b0" : "{" + extra + "{1'b0}}";
        }
        String body = signExtend ? nameOf(operand) : write(operand, false);
        return "{" + fill + ", " + body + "}";
    }

    /** The name of a net the expression reads directly, or a temporary holding it. */
    private String named(Expr e) {
        while (e instanceof Expr.Reinterpret r) {
            e = r.operand();
        }
        if (e instanceof Expr.Ref r) {
            return r.net().name();
        }
        return temporary(e, top(e));
    }

    /** Like {@link #named} but recording a read of all bits. */
    private String nameOf(Expr e) {
        return name(named(e));
    }

    private String temporary(Expr e, String text) {
        String existing = temporaryOf.get(e);
        if (existing != null) {
            return existing;
        }
        String name = "_t" + temporaries.size();
        temporaries.add(new Temporary(name, e.width(), text));
        temporaryOf.put(e, name);
        widths.put(name, e.width());
        return name;
    }

    private String name(String name) {
        Integer width = widths.get(name);
        if (width == null) {
            throw new IllegalStateException("expression reads " + name + ", which the module does not declare");
        }
        markRead(name, 0, width - 1);
        return name;
    }

    private void markRead(String name, int low, int high) {
        bitsRead.computeIfAbsent(name, k -> new BitSet()).set(low, high + 1);
    }

    static String literal(Bits value) {
        int width = value.width();
        BigInteger v = value.toUnsigned();
        return width <= 32 ? width + "'d" + v : width + "'h" + v.toString(16);
    }

    static String range(HwType type) {
        return range(type.width());
    }

    static String range(int width) {
        return width == 1 ? "" : "[" + (width - 1) + ":0] ";
    }
}
