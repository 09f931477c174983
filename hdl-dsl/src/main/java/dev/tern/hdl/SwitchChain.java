package dev.tern.hdl;

import dev.tern.hdl.ir.Expr;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/** A switch on one signal: each {@link #is} compares it with a constant; {@link #otherwise} takes the rest. */
public final class SwitchChain {
    private final Component component;
    private final Signal selector;
    private final ModuleBuilder.When when;
    private final Set<BigInteger> seen = new HashSet<>();

    SwitchChain(Component component, Signal selector, ModuleBuilder.When when) {
        this.component = component;
        this.selector = selector;
        this.when = when;
    }

    public SwitchChain is(long value, Runnable body) {
        var at = SourceLocator.caller();
        if (!seen.add(BigInteger.valueOf(value))) {
            throw new HdlException(at, "switch case " + value + " appears twice");
        }
        Expr literal = Component.literalExpr(BigInteger.valueOf(value),
                Signal.arithmeticView(selector.exprIn(component)).type(), at);
        Signal condition = selector.eq(component.signal(literal));
        component.builder.branch(when, component.builder.condition(condition, at), body, at);
        return this;
    }

    public void otherwise(Runnable body) {
        component.builder.branch(when, null, body, SourceLocator.caller());
    }
}
