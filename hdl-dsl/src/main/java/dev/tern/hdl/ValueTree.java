package dev.tern.hdl;

import dev.tern.hdl.ir.Expr;

/**
 * The value of a driven signal as a function of the when conditions: an expression, a choice between
 * two trees, or a marker for "not assigned on this path" (an error for wires, keeping the old value
 * for registers).
 */
sealed interface ValueTree permits ValueTree.Leaf, ValueTree.Choice, ValueTree.Marker {
    Marker UNDRIVEN = new Marker("undriven");
    Marker HOLD = new Marker("hold");

    record Leaf(Expr expr) implements ValueTree {
    }

    record Choice(Expr condition, ValueTree whenTrue, ValueTree whenFalse) implements ValueTree {
    }

    record Marker(String name) implements ValueTree {
    }

    default boolean contains(Marker marker) {
        if (this == marker) {
            return true;
        }
        return this instanceof Choice c && (c.whenTrue().contains(marker) || c.whenFalse().contains(marker));
    }

    /** The tree as a mux expression; it must contain no marker. */
    default Expr toExpr() {
        if (this instanceof Leaf l) {
            return l.expr();
        }
        if (this instanceof Choice c) {
            return new Expr.Mux(c.condition(), c.whenTrue().toExpr(), c.whenFalse().toExpr());
        }
        throw new IllegalStateException("unresolved " + this);
    }

    /** The condition under which a register tree assigns (does not hold), as a Bool expression. */
    default Expr enable() {
        if (this instanceof Choice c) {
            boolean trueHolds = c.whenTrue() == HOLD;
            boolean falseHolds = c.whenFalse() == HOLD;
            boolean trueAlways = !c.whenTrue().contains(HOLD);
            boolean falseAlways = !c.whenFalse().contains(HOLD);
            if (trueAlways && falseHolds) {
                return c.condition();
            }
            if (trueHolds && falseAlways) {
                return new Expr.Unary(dev.tern.hdl.ir.UnaryOp.NOT, c.condition());
            }
            Expr cond = c.condition();
            Expr notCond = new Expr.Unary(dev.tern.hdl.ir.UnaryOp.NOT, cond);
            if (trueAlways) {
                return or(cond, c.whenFalse().enable());
            }
            if (trueHolds) {
                return and(notCond, c.whenFalse().enable());
            }
            if (falseAlways) {
                return or(notCond, c.whenTrue().enable());
            }
            if (falseHolds) {
                return and(cond, c.whenTrue().enable());
            }
            return new Expr.Mux(cond, c.whenTrue().enable(), c.whenFalse().enable());
        }
        throw new IllegalStateException("enable of " + this);
    }

    /** The value loaded when the register is enabled: holding branches are dropped (they are never enabled). */
    default Expr withoutHold() {
        if (this instanceof Choice c) {
            if (c.whenTrue() == HOLD) {
                return c.whenFalse().withoutHold();
            }
            if (c.whenFalse() == HOLD) {
                return c.whenTrue().withoutHold();
            }
            return new Expr.Mux(c.condition(), c.whenTrue().withoutHold(), c.whenFalse().withoutHold());
        }
        return toExpr();
    }

    private static Expr or(Expr a, Expr b) {
        return new Expr.Binary(dev.tern.hdl.ir.BinaryOp.OR, a, b);
    }

    private static Expr and(Expr a, Expr b) {
        return new Expr.Binary(dev.tern.hdl.ir.BinaryOp.AND, a, b);
    }

}
