package dev.tern.hdl;

import dev.tern.hdl.ir.CombinationalGraph;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.HwType;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.Net;
import dev.tern.hdl.ir.SourceLocation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The state of one elaboration on the current thread: the components under construction (a child's
 * constructor runs inside its parent's) and the module definitions made so far, so that identical
 * parameterisations share one definition.
 */
final class Elaboration {
    private static final ThreadLocal<Elaboration> ACTIVE = new ThreadLocal<>();

    private final Deque<Component> underConstruction = new ArrayDeque<>();
    private final Map<ModuleDef, ModuleDef> definitionsByStructure = new HashMap<>();
    private final Map<String, Integer> namesUsed = new HashMap<>();
    private final Map<ModuleDef, Map<String, Set<String>>> throughPaths = new HashMap<>();

    static Design run(Supplier<? extends Component> topFactory) {
        if (ACTIVE.get() != null) {
            throw new HdlException(SourceLocator.caller(), "Elaborator.elaborate called while another elaboration is running");
        }
        Elaboration elaboration = new Elaboration();
        ACTIVE.set(elaboration);
        try {
            Component top = topFactory.get();
            if (top == null) {
                throw new HdlException(SourceLocator.caller(), "the design factory returned null");
            }
            elaboration.checkFinished(top, SourceLocator.caller());
            elaboration.underConstruction.pop();
            return Design.of(elaboration.define(top));
        } finally {
            ACTIVE.remove();
        }
    }

    private static Elaboration active() {
        Elaboration e = ACTIVE.get();
        if (e == null) {
            throw new HdlException(SourceLocator.caller(),
                    "components are built inside Elaborator.elaborate(() -> new MyDesign(...))");
        }
        return e;
    }

    static void register(Component component) {
        active().underConstruction.push(component);
    }

    /** The component whose constructor is building logic now, checked against the signal being used. */
    static Component context(Signal used) {
        Elaboration e = active();
        Component ctx = e.underConstruction.peek();
        if (ctx == null) {
            throw new HdlException(SourceLocator.caller(), "no component is being built");
        }
        Component owner = used.owner;
        if (owner == ctx || owner.parent == ctx) {
            return ctx;
        }
        if (e.underConstruction.contains(owner)) {
            // Either the parent goes on after constructing a child without instantiating it, or the
            // child's constructor reaches into its parent: the stack looks the same, so name both.
            throw new HdlException(SourceLocator.caller(), used.describe() + " belongs to " + owner.describe() + " while "
                    + ctx.describe() + " is being built: pass " + ctx.typeName() + " to instance(name, component) before "
                    + "going on in " + owner.typeName() + ", and give a submodule values only through its inputs");
        }
        if (owner.parent == null) {
            throw new HdlException(SourceLocator.caller(), "uses " + used.describe() + " of " + owner.describe()
                    + ", which is not instantiated: call instance(name, component) first");
        }
        throw new HdlException(SourceLocator.caller(), used.describe() + " belongs to " + owner.describe()
                + ", not to " + ctx.describe() + " or one of its submodules");
    }

    /** How {@code ctx} sees a signal: its own expression, or the output of one of its instances. */
    static Expr exprIn(Signal signal, Component ctx) {
        Component owner = signal.owner;
        if (owner == ctx) {
            return signal.expr;
        }
        if (owner.parent == ctx && signal instanceof Output out) {
            return new Expr.Ref(owner.instanceOutputs.get(out.name()));
        }
        if (owner.parent == ctx && signal instanceof Input in) {
            throw new HdlException(SourceLocator.caller(), "input " + in.name() + " of submodule " + owner.instanceName
                    + " is driven here, not read; read the signal you drive it with");
        }
        if (owner.parent == ctx) {
            throw new HdlException(SourceLocator.caller(), signal.describe() + " is internal to submodule "
                    + owner.instanceName + "; only its outputs can be read");
        }
        return context(signal).signal(signal.expr).expr; // reports the misuse
    }

    static void assign(Assignable target, Signal value, SourceLocation location) {
        Component ctx = context(target);
        Expr valueExpr = value.exprIn(context(value));
        if (target.owner == ctx && target instanceof Input) {
            throw new HdlException(location, target.describe() + " is driven by the parent; a component cannot assign its own input");
        }
        if (target.owner != ctx && !(target instanceof Input)) {
            throw new HdlException(location, target.describe() + " of submodule " + target.owner.instanceName
                    + " is driven inside it; the parent can only read it");
        }
        HwType want = target.type();
        HwType got = valueExpr.type();
        if (want.width() != got.width() || want.signed() != got.signed()) {
            String hint = want.signed() != got.signed() ? "; convert with asSInt() or asUInt()"
                    : got.width() > want.width() ? "; use trunc(" + want.width() + ") or resize(" + want.width() + ")"
                    : "; use zext/sext/resize(" + want.width() + ")";
            throw new HdlException(location, "width mismatch: " + target.describe() + " is assigned a " + got + hint);
        }
        if (!want.equals(got)) {
            valueExpr = new Expr.Reinterpret(valueExpr, want);
        }
        ctx.builder.assign(target, valueExpr, location);
    }

    static void setEnable(Reg reg, Signal condition, SourceLocation location) {
        Component ctx = context(reg);
        if (reg.owner != ctx) {
            throw new HdlException(location, reg.describe() + " belongs to submodule " + reg.owner.instanceName);
        }
        Expr cond = ctx.builder.condition(condition, location);
        if (reg.enable != null) {
            throw new HdlException(location, reg.describe() + " already has a clock enable");
        }
        reg.enable = ctx.signal(cond);
    }

    /** Ends the construction of {@code child} and makes it an instance named {@code name} of the current component. */
    static <T extends Component> T instantiate(String name, T child, SourceLocation location) {
        Elaboration e = active();
        if (child.parent != null) {
            throw new HdlException(location, child.describe() + " is already instantiated as " + child.instanceName
                    + "; create a new component for each instance");
        }
        e.checkFinished(child, location);
        e.underConstruction.pop();
        Component parent = e.underConstruction.peek();
        if (parent == null) {
            throw new HdlException(location, "instance(" + name + ", ...) called outside a component");
        }
        ModuleDef def = e.define(child);
        child.parent = parent;
        child.instanceName = name;
        parent.builder.addInstance(name, child, def, location);
        return child;
    }

    private void checkFinished(Component component, SourceLocation location) {
        Component top = underConstruction.peek();
        if (top != component) {
            if (top != null && top.parent == null && underConstruction.contains(component)) {
                throw new HdlException(top.createdAt, top.typeName() + " is constructed here but never instantiated: "
                        + "pass it to instance(name, component)");
            }
            throw new HdlException(location, component.describe() + " is not the component being built");
        }
    }

    private ModuleDef define(Component component) {
        ModuleDef built = component.builder.build("", throughPaths);
        ModuleDef existing = definitionsByStructure.get(built);
        if (existing != null) {
            return existing;
        }
        String base = component.moduleName();
        int uses = namesUsed.merge(base, 1, Integer::sum);
        String name = uses == 1 ? base : base + "_" + uses;
        ModuleDef named = built.withName(name);
        definitionsByStructure.put(built, named);
        throughPaths.put(named, new CombinationalGraph(named, throughPaths).outputDependencies());
        return named;
    }

    static Map<String, Net.InstanceOutput> instanceOutputs(String instance, ModuleDef def, SourceLocation location) {
        Map<String, Net.InstanceOutput> outputs = new java.util.LinkedHashMap<>();
        for (Net.Port p : def.outputs()) {
            outputs.put(p.name(), new Net.InstanceOutput(instance, p.name(), p.type(), location));
        }
        return outputs;
    }
}
