package dev.tern.sim.netlist;

import dev.tern.hdl.ir.BinaryOp;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.ExprWalker;
import dev.tern.hdl.ir.HwType;
import dev.tern.hdl.ir.Instance;
import dev.tern.hdl.ir.Memory;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.Net;
import dev.tern.hdl.ir.RegisterUpdate;
import dev.tern.hdl.ir.UnaryOp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link Design} into a {@link FlatNetlist}: instances are inlined under hierarchical names,
 * references to wires, ports and instance outputs become references to the node that computes them,
 * reinterpretations disappear (they change no bit), and structurally equal nodes are made once.
 * Nodes are created only after their operands, which gives the levelised order directly.
 */
public final class Flattener {
    private final Design design;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Node, Integer> interned = new HashMap<>();
    private final Map<String, Integer> topInputs = new HashMap<>();
    private int resetNode = FlatNetlist.NONE;
    private final List<FlatNetlist.Register> registers = new ArrayList<>();
    private final List<FlatNetlist.Memory> memories = new ArrayList<>();
    private final List<FlatNetlist.ReadPort> readPorts = new ArrayList<>();
    private final List<FlatNetlist.WritePort> writePorts = new ArrayList<>();

    private Flattener(Design design) {
        this.design = design;
    }

    public static FlatNetlist flatten(Design design) {
        return new Flattener(design).run();
    }

    /** One instance of a module definition, with the resolution state of its expressions. */
    private static final class ModuleScope {
        final ModuleDef def;
        final String name;
        final String prefix;
        final ModuleScope parent;
        final Instance instance;
        final Map<String, ModuleScope> children = new LinkedHashMap<>();
        final Map<Expr, Integer> resolved = new IdentityHashMap<>();
        final Set<Expr> expanding = Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<String, Integer> stateNodes = new HashMap<>();
        final Map<String, Integer> memoryIndices = new HashMap<>();

        ModuleScope(ModuleDef def, String name, String prefix, ModuleScope parent, Instance instance) {
            this.def = def;
            this.name = name;
            this.prefix = prefix;
            this.parent = parent;
            this.instance = instance;
            for (Instance child : def.instances()) {
                children.put(child.name(), new ModuleScope(child.module(), child.name(), prefix + child.name() + ".", this, child));
            }
        }
    }

    /** An expression to resolve within one scope. */
    private record Task(ModuleScope scope, Expr expr) {
    }

    private FlatNetlist run() {
        ModuleDef topDef = design.top();
        ModuleScope top = new ModuleScope(topDef, topDef.name(), "", null, null);
        if (topDef.isClocked()) {
            resetNode = add(new Node.Input(topDef.clocking().reset(), 1));
        }
        for (Net.Port p : topDef.inputs()) {
            topInputs.put(p.name(), add(new Node.Input(p.name(), p.type().width())));
        }
        createState(top);
        resolveEdges(top);
        List<FlatNetlist.Port> ports = new ArrayList<>();
        for (Net.Port p : topDef.ports()) {
            int node = p.isInput() ? topInputs.get(p.name()) : resolve(top, driver(top, p));
            ports.add(new FlatNetlist.Port(p.name(), p.type(), p.isInput(), node));
        }
        FlatNetlist.Scope scope = scopeOf(top);
        return new FlatNetlist(design, nodes, ports, resetNode, registers, memories, readPorts, writePorts, scope);
    }

    private void createState(ModuleScope scope) {
        for (Net.Reg r : scope.def.registers()) {
            scope.stateNodes.put(r.name(), add(new Node.State(scope.prefix + r.name(), r.type().width())));
        }
        for (Memory.Read r : scope.def.memoryReads()) {
            Net.MemReadData d = r.data();
            scope.stateNodes.put(d.name(), add(new Node.State(scope.prefix + d.name(), d.type().width())));
        }
        for (Memory m : scope.def.memories()) {
            scope.memoryIndices.put(m.name(), memories.size());
            memories.add(new FlatNetlist.Memory(scope.prefix + m.name(), m.dataType(), m.depth(), m.init()));
        }
        scope.children.values().forEach(this::createState);
    }

    private void resolveEdges(ModuleScope scope) {
        for (RegisterUpdate u : scope.def.registerUpdates()) {
            Net.Reg reg = u.register();
            FlatNetlist.Register register = new FlatNetlist.Register(scope.prefix + reg.name(), scope.stateNodes.get(reg.name()),
                    edgeInput(scope, u.next()), optionalEdgeInput(scope, u.enable()), reg.resetValue());
            registers.add(design.top().clocking().resetActiveLow() && reg.hasReset() ? resetThroughData(register) : register);
        }
        for (Memory.Read r : scope.def.memoryReads()) {
            readPorts.add(new FlatNetlist.ReadPort(scope.memoryIndices.get(r.memory().name()),
                    scope.stateNodes.get(r.data().name()), edgeInput(scope, r.address()), optionalEdgeInput(scope, r.enable())));
        }
        for (Memory.Write w : scope.def.memoryWrites()) {
            writePorts.add(new FlatNetlist.WritePort(scope.memoryIndices.get(w.memory().name()),
                    edgeInput(scope, w.address()), edgeInput(scope, w.data()), optionalEdgeInput(scope, w.enable())));
        }
        scope.children.values().forEach(this::resolveEdges);
    }

    /**
     * A register reset by an active-low reset input, as one without a reset: while the input is 0 its
     * enable is forced high and its next value is the reset value; while it is 1 it behaves as declared.
     * The engines then know only resets asserted high (and sim/compiler needs no change), so both simulate
     * the polarity the same way.
     */
    private FlatNetlist.Register resetThroughData(FlatNetlist.Register register) {
        int resetValue = intern(new Node.Constant(register.resetValue()));
        int next = intern(new Node.Mux(resetNode, register.next(), resetValue, register.resetValue().width()));
        int enable = register.enable() == FlatNetlist.NONE ? FlatNetlist.NONE
                : intern(new Node.Binary(BinaryOp.OR, register.enable(), invertedReset(), false, 1));
        return new FlatNetlist.Register(register.name(), register.state(), next, enable, null);
    }

    private int invertedReset() {
        return intern(new Node.Unary(UnaryOp.NOT, resetNode, 1));
    }

    private int optionalEdgeInput(ModuleScope scope, Expr e) {
        return e == null ? FlatNetlist.NONE : edgeInput(scope, e);
    }

    /**
     * A value read at the rising edge. State read directly would be overwritten by the same edge before
     * every reader has seen it, so it is read through a copy taken during the cycle.
     */
    private int edgeInput(ModuleScope scope, Expr e) {
        int node = resolve(scope, e);
        return nodes.get(node) instanceof Node.State s ? intern(new Node.Copy(node, s.width())) : node;
    }

    private FlatNetlist.Scope scopeOf(ModuleScope scope) {
        ModuleDef def = scope.def;
        List<FlatNetlist.Signal> signals = new ArrayList<>();
        if (def.isClocked()) {
            // A submodule of the other polarity sees the top's reset inverted, as the emitted Verilog drives it.
            boolean inverted = def.clocking().resetActiveLow() != design.top().clocking().resetActiveLow();
            int level = inverted ? invertedReset() : resetNode;
            signals.add(signal(scope, def.clocking().reset(), HwType.bool(), level));
        }
        for (Net.Port p : def.ports()) {
            int node;
            if (!p.isInput()) {
                node = resolve(scope, driver(scope, p));
            } else if (scope.parent == null) {
                node = topInputs.get(p.name());
            } else {
                node = resolve(scope.parent, connection(scope, p));
            }
            signals.add(signal(scope, p.name(), p.type(), node));
        }
        for (Net.Wire w : def.wires()) {
            signals.add(signal(scope, w.name(), w.type(), resolve(scope, driver(scope, w))));
        }
        for (Net.Reg r : def.registers()) {
            signals.add(signal(scope, r.name(), r.type(), scope.stateNodes.get(r.name())));
        }
        for (Memory.Read r : def.memoryReads()) {
            signals.add(signal(scope, r.data().name(), r.data().type(), scope.stateNodes.get(r.data().name())));
        }
        List<FlatNetlist.Scope> children = new ArrayList<>();
        for (ModuleScope child : scope.children.values()) {
            for (Net.Port out : child.def.outputs()) {
                signals.add(signal(scope, child.name + "_" + out.name(), out.type(), resolve(child, driver(child, out))));
            }
            children.add(scopeOf(child));
        }
        return new FlatNetlist.Scope(scope.name, def.name(), def.isClocked(), def.clocking(), signals, children);
    }

    private static FlatNetlist.Signal signal(ModuleScope scope, String name, HwType type, int node) {
        return new FlatNetlist.Signal(scope.prefix + name, name, type, node);
    }

    private static Expr driver(ModuleScope scope, Net net) {
        Expr e = scope.def.assigns().get(net);
        if (e == null) {
            throw new IllegalStateException("module " + scope.def.name() + " has no driver for " + net.name());
        }
        return e;
    }

    private static Expr connection(ModuleScope scope, Net.Port input) {
        Expr e = scope.instance.inputs().get(input.name());
        if (e == null) {
            throw new IllegalStateException("instance " + scope.prefix + " leaves input " + input.name() + " unconnected");
        }
        return e;
    }

    /**
     * The node computing {@code root} in {@code scope}. Iterative: nets driven by nets and deep
     * expressions would overflow the Java stack of a recursive walk on large generated designs.
     */
    private int resolve(ModuleScope scope, Expr root) {
        Integer known = scope.resolved.get(root);
        if (known != null) {
            return known;
        }
        Deque<Task> stack = new ArrayDeque<>();
        stack.push(new Task(scope, root));
        while (!stack.isEmpty()) {
            Task task = stack.peek();
            if (task.scope.resolved.containsKey(task.expr)) {
                stack.pop();
                continue;
            }
            List<Task> dependencies = dependencies(task);
            boolean ready = true;
            for (Task d : dependencies) {
                if (!d.scope.resolved.containsKey(d.expr)) {
                    if (d.scope.expanding.contains(d.expr)) {
                        throw new IllegalStateException("combinational loop in " + design.name() + " at " + d.scope.prefix + d.expr);
                    }
                    stack.push(d);
                    ready = false;
                }
            }
            if (ready) {
                stack.pop();
                task.scope.expanding.remove(task.expr);
                task.scope.resolved.put(task.expr, build(task, dependencies));
            } else {
                task.scope.expanding.add(task.expr);
            }
        }
        return scope.resolved.get(root);
    }

    private List<Task> dependencies(Task task) {
        if (task.expr instanceof Expr.Ref ref) {
            Task target = refTarget(task.scope, ref.net());
            return target == null ? List.of() : List.of(target);
        }
        List<Task> deps = new ArrayList<>();
        for (Expr child : ExprWalker.children(task.expr)) {
            deps.add(new Task(task.scope, child));
        }
        return deps;
    }

    /** The expression that computes a net, or null for a leaf (a top input, a register, memory read data). */
    private static Task refTarget(ModuleScope scope, Net net) {
        if (net instanceof Net.Port p) {
            if (!p.isInput()) {
                return new Task(scope, driver(scope, p));
            }
            return scope.parent == null ? null : new Task(scope.parent, connection(scope, p));
        }
        if (net instanceof Net.Wire) {
            return new Task(scope, driver(scope, net));
        }
        if (net instanceof Net.InstanceOutput out) {
            ModuleScope child = scope.children.get(out.instance());
            return new Task(child, driver(child, child.def.port(out.port())));
        }
        return null;
    }

    private int build(Task task, List<Task> dependencies) {
        Expr e = task.expr;
        int[] operands = new int[dependencies.size()];
        for (int i = 0; i < operands.length; i++) {
            Task d = dependencies.get(i);
            operands[i] = d.scope.resolved.get(d.expr);
        }
        if (e instanceof Expr.Ref ref) {
            return operands.length == 1 ? operands[0] : leaf(task.scope, ref.net());
        }
        if (e instanceof Expr.Literal lit) {
            return intern(new Node.Constant(lit.value()));
        }
        if (e instanceof Expr.Reinterpret) {
            return operands[0];
        }
        if (e instanceof Expr.Unary u) {
            return intern(new Node.Unary(u.op(), operands[0], e.width()));
        }
        if (e instanceof Expr.Binary b) {
            boolean signed = b.left().type().signed() && readsSign(b.op());
            return intern(new Node.Binary(b.op(), operands[0], operands[1], signed, e.width()));
        }
        if (e instanceof Expr.Mux) {
            return intern(new Node.Mux(operands[0], operands[1], operands[2], e.width()));
        }
        if (e instanceof Expr.Concat) {
            return intern(new Node.Concat(operands, e.width()));
        }
        if (e instanceof Expr.Slice s) {
            return intern(new Node.Slice(operands[0], s.low(), e.width()));
        }
        Expr.Extend x = (Expr.Extend) e;
        if (x.width() == x.operand().width()) {
            return operands[0];
        }
        return intern(new Node.Extend(operands[0], x.signExtend(), x.width()));
    }

    /** Operators whose value depends on the operands' signedness; the others ignore it. */
    private static boolean readsSign(BinaryOp op) {
        return op == BinaryOp.MUL || op == BinaryOp.LT || op == BinaryOp.LE || op == BinaryOp.GT || op == BinaryOp.GE;
    }

    private int leaf(ModuleScope scope, Net net) {
        Integer node = net instanceof Net.Port ? topInputs.get(net.name()) : scope.stateNodes.get(net.name());
        if (node == null) {
            throw new IllegalStateException("no value for " + scope.prefix + net.name() + " in " + design.name());
        }
        return node;
    }

    private int add(Node node) {
        nodes.add(node);
        return nodes.size() - 1;
    }

    private int intern(Node node) {
        Integer existing = interned.get(node);
        if (existing != null) {
            return existing;
        }
        int index = add(node);
        interned.put(node, index);
        return index;
    }
}
