package dev.tern.hdl;

/** The continuation of a {@code when}: more conditions tried in order, then a final branch. */
public final class WhenChain {
    private final ModuleBuilder builder;
    private final ModuleBuilder.When when;

    WhenChain(ModuleBuilder builder, ModuleBuilder.When when) {
        this.builder = builder;
        this.when = when;
    }

    public WhenChain elseWhen(Signal condition, Runnable body) {
        var at = SourceLocator.caller();
        builder.branch(when, builder.condition(condition, at), body, at);
        return this;
    }

    public void otherwise(Runnable body) {
        builder.branch(when, null, body, SourceLocator.caller());
    }
}
