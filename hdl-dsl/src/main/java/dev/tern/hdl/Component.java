package dev.tern.hdl;

import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.HwType;
import dev.tern.hdl.ir.Net;
import dev.tern.hdl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hardware module written in Java: its constructor declares ports and logic. Parameters are
 * ordinary constructor arguments; declare the ones that shape the hardware with {@link #parameter}
 * so that each parameterisation gets its own readable module name and header.
 *
 * <pre>{@code
 * public final class Counter extends Component {
 *     public final Input enable = input("enable", bool());
 *     public final Output count;
 *
 *     public Counter(int width) {
 *         parameter("width", width);
 *         count = output("count", uint(width));
 *         Reg value = reg("value", uint(width), 0);
 *         when(enable, () -> value.set(value.add(1)));
 *         count.set(value);
 *     }
 * }
 * Design design = Elaborator.elaborate(() -> new Counter(8));
 * }</pre>
 *
 * A component used inside another is passed to {@link #instance}; the parent then drives its inputs
 * with {@code set} and reads its outputs like any signal.
 */
public abstract class Component {
    final ModuleBuilder builder = new ModuleBuilder(this);
    private final SourceLocator.Construction construction = SourceLocator.construction(getClass());
    /** The user's line that constructed this component. */
    final SourceLocation createdAt = construction.creator();
    /** The constructor of this component's class: where its module is defined. */
    final SourceLocation definedAt = construction.constructor();
    final Map<String, Input> inputs = new HashMap<>();
    Component parent;
    String instanceName;
    Map<String, Net.InstanceOutput> instanceOutputs = Map.of();

    protected Component() {
        Elaboration.register(this);
    }

    /**
     * The module's base name in the Verilog: the class name, then each declared parameter
     * ({@code Fifo_depth16_width8}). Override for another scheme; it must be a legal identifier.
     */
    protected String moduleName() {
        StringBuilder name = new StringBuilder(typeName());
        for (Map.Entry<String, String> p : builder.parameters().entrySet()) {
            name.append('_').append(p.getKey()).append(p.getValue().replaceAll("[^A-Za-z0-9]", "_"));
        }
        return name.toString();
    }

    /** Declares a generator parameter: it names the module and appears in the Verilog header. */
    protected final void parameter(String name, Object value) {
        builder.parameter(name, String.valueOf(value), SourceLocator.caller());
    }

    // ---- types ----

    protected static HwType uint(int width) {
        return Types.uint(width);
    }

    protected static HwType sint(int width) {
        return Types.sint(width);
    }

    protected static HwType bool() {
        return HwType.bool();
    }

    // ---- declarations ----

    /**
     * Gives this module's implicit clock and reset other names and, if asked, an active-low reset, for
     * instance {@link Clocking#AXI} ({@code aclk}, {@code aresetn}) for a module that goes into an AXI block
     * design. The names become taken in this module. Submodules keep their own clocking; each instance's
     * reset is driven from this module's, inverted where the polarities differ.
     */
    protected final void clocking(Clocking clocking) {
        builder.clocking(clocking, SourceLocator.caller());
    }

    protected final Input input(String name, HwType type) {
        Input in = builder.input(name, type, SourceLocator.caller());
        inputs.put(name, in);
        return in;
    }

    protected final Output output(String name, HwType type) {
        return builder.output(name, type, SourceLocator.caller());
    }

    /** A wire that must be assigned on every path. */
    protected final Wire wire(String name, HwType type) {
        return builder.wire(name, type, null, SourceLocator.caller());
    }

    /** A wire that takes {@code defaultValue} on paths that do not assign it. */
    protected final Wire wire(String name, HwType type, long defaultValue) {
        SourceLocation at = SourceLocator.caller();
        return builder.wire(name, type, literalExpr(BigInteger.valueOf(defaultValue), type, at), at);
    }

    /** A wire that takes the value of {@code defaultValue} on paths that do not assign it. */
    protected final Wire wire(String name, HwType type, Signal defaultValue) {
        SourceLocation at = SourceLocator.caller();
        Expr value = defaultValue.exprIn(Elaboration.context(defaultValue));
        if (value.width() != type.width() || value.type().signed() != type.signed()) {
            throw new HdlException(at, "width mismatch: default of wire " + name + " (" + type + ") is a " + value.type());
        }
        return builder.wire(name, type, value.type().equals(type) ? value : new Expr.Reinterpret(value, type), at);
    }

    /** A register without reset: it keeps its value (in simulation: starts at zero) until first assigned. */
    protected final Reg reg(String name, HwType type) {
        return builder.reg(name, type, null, SourceLocator.caller());
    }

    /** A register that loads {@code resetValue} while the synchronous reset is asserted. */
    protected final Reg reg(String name, HwType type, long resetValue) {
        return reg(name, type, BigInteger.valueOf(resetValue));
    }

    protected final Reg reg(String name, HwType type, BigInteger resetValue) {
        SourceLocation at = SourceLocator.caller();
        Expr.Literal lit = literalExpr(resetValue, type, at);
        return builder.reg(name, type, lit.value(), at);
    }

    /** A memory of {@code depth} words (a power of two), synchronous read, read-first. */
    protected final Mem memory(String name, int depth, HwType type) {
        return new Mem(this, builder.memory(name, type, depth, List.of(), SourceLocator.caller()));
    }

    /** Makes {@code child}, just constructed, a submodule instance named {@code name}; returns it. */
    protected final <T extends Component> T instance(String name, T child) {
        return Elaboration.instantiate(name, child, SourceLocator.caller());
    }

    // ---- streams ----

    /** An incoming valid/ready stream: inputs {@code name_valid}, {@code name_data}; output {@code name_ready}. */
    protected final Stream.Sink streamIn(String name, HwType dataType) {
        return new Stream.Sink(this, input(name + "_valid", bool()), input(name + "_data", dataType), output(name + "_ready", bool()));
    }

    /** An outgoing valid/ready stream: outputs {@code name_valid}, {@code name_data}; input {@code name_ready}. */
    protected final Stream.Source streamOut(String name, HwType dataType) {
        return new Stream.Source(this, output(name + "_valid", bool()), output(name + "_data", dataType), input(name + "_ready", bool()));
    }

    /** Connects one submodule's outgoing stream to another's incoming stream: valid and data forward, ready back. */
    protected final void connect(Stream.Source producer, Stream.Sink consumer) {
        Stream.connect(this, producer, consumer, SourceLocator.caller());
    }

    /** Passes this component's incoming stream into a submodule's incoming stream. */
    protected final void connect(Stream.Sink outer, Stream.Sink inner) {
        Stream.forward(this, outer, inner, SourceLocator.caller());
    }

    /** Passes a submodule's outgoing stream out through this component's outgoing stream. */
    protected final void connect(Stream.Source inner, Stream.Source outer) {
        Stream.forward(this, inner, outer, SourceLocator.caller());
    }

    // ---- control ----

    /** Runs {@code body} as logic that applies while {@code condition} is true. */
    protected final WhenChain when(Signal condition, Runnable body) {
        SourceLocation at = SourceLocator.caller();
        Expr cond = builder.condition(condition, at);
        ModuleBuilder.When w = builder.beginWhen();
        builder.branch(w, cond, body, at);
        return new WhenChain(builder, w);
    }

    /** A switch on {@code selector}: {@code switchOn(op).is(0, () -> ...).is(1, () -> ...).otherwise(() -> ...)}. */
    protected final SwitchChain switchOn(Signal selector) {
        Elaboration.context(selector);
        return new SwitchChain(this, selector, builder.beginWhen());
    }

    // ---- values ----

    protected final Signal lit(long value, HwType type) {
        return lit(BigInteger.valueOf(value), type);
    }

    protected final Signal lit(BigInteger value, HwType type) {
        return literal(value, type, SourceLocator.caller());
    }

    protected final Signal mux(Signal select, Signal whenTrue, Signal whenFalse) {
        return Signals.mux(select, whenTrue, whenFalse);
    }

    protected final Signal cat(Signal... parts) {
        return Signals.cat(parts);
    }

    // ---- internals ----

    Signal signal(Expr expr) {
        return new Signal(this, expr);
    }

    Signal literal(BigInteger value, HwType type) {
        return literal(value, type, SourceLocator.caller());
    }

    private Signal literal(BigInteger value, HwType type, SourceLocation at) {
        return signal(literalExpr(value, type, at));
    }

    static Expr.Literal literalExpr(BigInteger value, HwType type, SourceLocation at) {
        if (value.compareTo(type.minValue()) < 0 || value.compareTo(type.maxValue()) > 0) {
            throw new HdlException(at, "literal " + value + " does not fit " + type + " (" + type.minValue() + ".." + type.maxValue() + ")");
        }
        return new Expr.Literal(type, Bits.of(type.width(), value));
    }

    String describe() {
        String name = typeName();
        return instanceName != null ? name + " " + instanceName : name + " (created at " + createdAt + ")";
    }

    /**
     * The class's simple name, or for an anonymous class (whose simple name is empty) its binary name
     * without the package and with {@code $} as {@code _}: {@code MyTest_1}, still a legal identifier.
     */
    String typeName() {
        String simple = getClass().getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String binary = getClass().getName();
        return binary.substring(binary.lastIndexOf('.') + 1).replace('$', '_');
    }
}
