package dev.tern.hdl.ir;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** Visits the nets an expression reads. */
public final class ExprWalker {
    private ExprWalker() {
    }

    /** Calls {@code action} for every net read by {@code expr}; a shared subexpression is visited once. */
    public static void forEachNet(Expr expr, Consumer<Net> action) {
        Deque<Expr> work = new ArrayDeque<>();
        java.util.Set<Expr> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        work.push(expr);
        while (!work.isEmpty()) {
            Expr e = work.pop();
            if (!seen.add(e)) {
                continue;
            }
            if (e instanceof Expr.Ref r) {
                action.accept(r.net());
            } else {
                children(e).forEach(work::push);
            }
        }
    }

    /** The direct operands of an expression node. */
    public static java.util.List<Expr> children(Expr e) {
        if (e instanceof Expr.Unary u) {
            return java.util.List.of(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return java.util.List.of(b.left(), b.right());
        }
        if (e instanceof Expr.Mux m) {
            return java.util.List.of(m.select(), m.whenTrue(), m.whenFalse());
        }
        if (e instanceof Expr.Concat c) {
            return c.parts();
        }
        if (e instanceof Expr.Slice s) {
            return java.util.List.of(s.operand());
        }
        if (e instanceof Expr.Extend x) {
            return java.util.List.of(x.operand());
        }
        if (e instanceof Expr.Reinterpret r) {
            return java.util.List.of(r.operand());
        }
        return java.util.List.of();
    }
}
