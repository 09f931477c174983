package dev.tern.hdl.ir;

import java.util.List;

/**
 * A combinational expression over the nets of one module. Every node carries its result type; the
 * constructors enforce the operand rules, so an expression that exists is well-typed.
 * Value semantics: {@link UnaryOp}, {@link BinaryOp} and {@link ExprEvaluator}.
 */
public sealed interface Expr permits Expr.Ref, Expr.Literal, Expr.Unary, Expr.Binary, Expr.Mux, Expr.Concat,
        Expr.Slice, Expr.Extend, Expr.Reinterpret {

    HwType type();

    default int width() {
        return type().width();
    }

    /** Reads a net. */
    record Ref(Net net) implements Expr {
        @Override
        public HwType type() {
            return net.type();
        }
    }

    record Literal(HwType type, Bits value) implements Expr {
        public Literal {
            if (value.width() != type.width()) {
                throw new IllegalArgumentException("literal of width " + value.width() + " typed " + type);
            }
        }
    }

    record Unary(UnaryOp op, Expr operand, HwType type) implements Expr {
        public Unary(UnaryOp op, Expr operand) {
            this(op, operand, op.resultType(operand.type()));
        }

        public Unary {
            if (!type.equals(op.resultType(operand.type()))) {
                throw new IllegalArgumentException(op + " of " + operand.type() + " is not " + type);
            }
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right, HwType type) implements Expr {
        public Binary(BinaryOp op, Expr left, Expr right) {
            this(op, left, right, op.resultType(left.type(), right.type()));
        }

        public Binary {
            if (!type.equals(op.resultType(left.type(), right.type()))) {
                throw new IllegalArgumentException(op + " of " + left.type() + ", " + right.type() + " is not " + type);
            }
        }
    }

    /** {@code select ? whenTrue : whenFalse}; both branches have the same type. */
    record Mux(Expr select, Expr whenTrue, Expr whenFalse) implements Expr {
        public Mux {
            if (select.width() != 1) {
                throw new IllegalArgumentException("mux select must be 1 bit wide, got " + select.type());
            }
            if (!whenTrue.type().equals(whenFalse.type())) {
                throw new IllegalArgumentException("mux branches differ in type: " + whenTrue.type() + " and " + whenFalse.type());
            }
        }

        @Override
        public HwType type() {
            return whenTrue.type();
        }
    }

    /** Concatenation, most significant part first; an unsigned result. */
    record Concat(List<Expr> parts, HwType type) implements Expr {
        public Concat(List<Expr> parts) {
            this(List.copyOf(parts), HwType.uint(parts.stream().mapToInt(Expr::width).sum()));
        }

        public Concat {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("concatenation of nothing");
            }
            if (type.width() != parts.stream().mapToInt(Expr::width).sum() || type.signed()) {
                throw new IllegalArgumentException("concatenation typed " + type);
            }
        }
    }

    /** Bits {@code high} down to {@code low} of the operand; an unsigned result. */
    record Slice(Expr operand, int high, int low) implements Expr {
        public Slice {
            if (low < 0 || high < low || high >= operand.width()) {
                throw new IllegalArgumentException("bits [" + high + ":" + low + "] outside " + operand.type());
            }
        }

        @Override
        public HwType type() {
            return HwType.uint(high - low + 1);
        }
    }

    /** Zero or sign extension to a width at least the operand's; keeps the operand's signedness. */
    record Extend(Expr operand, int width, boolean signExtend) implements Expr {
        public Extend {
            if (width < operand.width()) {
                throw new IllegalArgumentException("cannot extend " + operand.type() + " to " + width + " bits");
            }
        }

        @Override
        public HwType type() {
            return operand.type().withWidth(width);
        }
    }

    /** The same bits seen as another type of the same width (UInt to SInt, UInt(1) to Bool, ...). */
    record Reinterpret(Expr operand, HwType type) implements Expr {
        public Reinterpret {
            if (operand.width() != type.width()) {
                throw new IllegalArgumentException("cannot reinterpret " + operand.type() + " as " + type);
            }
        }
    }
}
