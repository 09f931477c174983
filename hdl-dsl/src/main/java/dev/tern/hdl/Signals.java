package dev.tern.hdl;

import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.HwType;

import java.util.ArrayList;
import java.util.List;

/** Operators over several signals, usable from generator helpers outside a component class. */
public final class Signals {
    private Signals() {
    }

    /**
     * {@code select ? whenTrue : whenFalse}. The branches must agree in signedness; the narrower one
     * is extended to the wider's width.
     */
    public static Signal mux(Signal select, Signal whenTrue, Signal whenFalse) {
        Component ctx = Elaboration.context(select);
        Expr sel = ctx.builder.condition(select, SourceLocator.caller());
        Expr a = whenTrue.exprIn(ctx);
        Expr b = whenFalse.exprIn(ctx);
        if (a.type().signed() != b.type().signed()) {
            throw new HdlException(SourceLocator.caller(), "mux branches mix signed and unsigned: " + a.type() + " and " + b.type());
        }
        if (!a.type().equals(b.type())) {
            a = Signal.arithmeticView(a);
            b = Signal.arithmeticView(b);
            int width = Math.max(a.width(), b.width());
            a = Signal.extendTo(a, width);
            b = Signal.extendTo(b, width);
        }
        return ctx.signal(new Expr.Mux(sel, a, b));
    }

    /** Concatenation, most significant part first; an unsigned result as wide as all parts together. */
    public static Signal cat(Signal... parts) {
        if (parts.length == 0) {
            throw new HdlException(SourceLocator.caller(), "cat of nothing");
        }
        Component ctx = Elaboration.context(parts[0]);
        List<Expr> exprs = new ArrayList<>();
        for (Signal p : parts) {
            exprs.add(p.exprIn(Elaboration.context(p)));
        }
        if (exprs.stream().mapToLong(Expr::width).sum() > HwType.MAX_WIDTH) {
            throw new HdlException(SourceLocator.caller(), "concatenation wider than " + HwType.MAX_WIDTH + " bits");
        }
        return ctx.signal(exprs.size() == 1 ? exprs.get(0) : new Expr.Concat(exprs));
    }

    public static Signal cat(List<? extends Signal> parts) {
        return cat(parts.toArray(new Signal[0]));
    }
}
