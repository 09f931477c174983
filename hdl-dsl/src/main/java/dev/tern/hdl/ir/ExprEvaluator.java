package dev.tern.hdl.ir;

import java.math.BigInteger;
import java.util.function.Function;

/** The value of an expression given the values of the nets it reads: the reference semantics. */
public final class ExprEvaluator {
    private ExprEvaluator() {
    }

    public static Bits evaluate(Expr expr, Function<Net, Bits> nets) {
        if (expr instanceof Expr.Ref ref) {
            return nets.apply(ref.net());
        }
        if (expr instanceof Expr.Literal lit) {
            return lit.value();
        }
        if (expr instanceof Expr.Unary u) {
            return u.op().apply(evaluate(u.operand(), nets));
        }
        if (expr instanceof Expr.Binary b) {
            return b.op().apply(evaluate(b.left(), nets), evaluate(b.right(), nets), b.left().type(), b.right().type());
        }
        if (expr instanceof Expr.Mux m) {
            return evaluate(m.select(), nets).isTrue() ? evaluate(m.whenTrue(), nets) : evaluate(m.whenFalse(), nets);
        }
        if (expr instanceof Expr.Concat c) {
            BigInteger v = BigInteger.ZERO;
            for (Expr part : c.parts()) {
                v = v.shiftLeft(part.width()).or(evaluate(part, nets).toUnsigned());
            }
            return Bits.of(c.width(), v);
        }
        if (expr instanceof Expr.Slice s) {
            return Bits.of(s.width(), evaluate(s.operand(), nets).toUnsigned().shiftRight(s.low()));
        }
        if (expr instanceof Expr.Extend e) {
            Bits v = evaluate(e.operand(), nets);
            return Bits.of(e.width(), e.signExtend() ? v.toSigned() : v.toUnsigned());
        }
        Expr.Reinterpret r = (Expr.Reinterpret) expr;
        return evaluate(r.operand(), nets);
    }
}
