package dev.tern.hdl;

import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.Net;

/**
 * A named signal that statements drive: an output port, a wire or a register (and, seen from the
 * parent, an input port of a submodule). Inside {@code when} blocks the innermost assignment wins.
 */
public abstract class Assignable extends Signal {
    final Net net;

    Assignable(Component owner, Net net) {
        super(owner, new Expr.Ref(net));
        this.net = net;
    }

    public String name() {
        return net.name();
    }

    /** Drives this signal with {@code value}; the widths and signedness must match exactly. */
    public void set(Signal value) {
        Elaboration.assign(this, value, SourceLocator.caller());
    }

    /** Drives this signal with a literal of its own type. */
    public void set(long value) {
        set(literalLike(value));
    }

    @Override
    String describe() {
        return kindName() + " " + name() + " (" + type() + ", declared at " + net.location() + ")";
    }

    abstract String kindName();
}
