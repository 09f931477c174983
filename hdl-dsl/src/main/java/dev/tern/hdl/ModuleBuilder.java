package dev.tern.hdl;

import dev.tern.hdl.ir.BinaryOp;
import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.CombinationalGraph;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.HwType;
import dev.tern.hdl.ir.Instance;
import dev.tern.hdl.ir.Memory;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.Net;
import dev.tern.hdl.ir.RegisterUpdate;
import dev.tern.hdl.ir.SourceLocation;
import dev.tern.hdl.ir.UnaryOp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what one component's constructor declares and the statements it runs (assignments inside
 * nested when blocks), then turns them into a checked {@link ModuleDef}: each driven signal gets one
 * expression (a mux tree following the when blocks, innermost assignment winning), each register an
 * update with a clock enable where some paths leave it unchanged.
 */
final class ModuleBuilder {
    private final Component component;
    private final Map<String, SourceLocation> names = new HashMap<>();
    private final List<Assignable> declared = new ArrayList<>();
    private final List<Net.Port> ports = new ArrayList<>();
    private final List<Net.Wire> wires = new ArrayList<>();
    private final List<Net.Reg> registers = new ArrayList<>();
    private final List<Memory> memories = new ArrayList<>();
    private final List<Memory.Write> memoryWrites = new ArrayList<>();
    private final List<Memory.Read> memoryReads = new ArrayList<>();
    private final Map<Assignable, Expr> defaults = new IdentityHashMap<>();
    private final List<Component> children = new ArrayList<>();
    private final Map<Component, ModuleDef> childDefinitions = new IdentityHashMap<>();
    private final Map<Component, SourceLocation> childLocations = new IdentityHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private Clocking clocking = Clocking.STANDARD;
    /** Where the component declared its own clocking, or null while it keeps the standard one. */
    private SourceLocation clockingDeclaredAt;

    private final Block root = new Block();
    private final Deque<Block> openBlocks = new ArrayDeque<>(List.of(root));
    /** The guard of each open when branch, innermost first. */
    private final Deque<Expr> guards = new ArrayDeque<>();

    ModuleBuilder(Component component) {
        this.component = component;
    }

    // ---- declarations ----

    void declareName(String name, SourceLocation location) {
        String problem = Identifiers.problem(name);
        if (problem != null) {
            throw new HdlException(location, problem);
        }
        SourceLocation first = names.putIfAbsent(name, location);
        if (first != null) {
            throw new HdlException(location, "name '" + name + "' is already used in " + component.describe()
                    + " (first at " + first + ")");
        }
    }

    Input input(String name, HwType type, SourceLocation location) {
        declareName(name, location);
        Net.Port port = new Net.Port(name, type, Net.Direction.INPUT, location);
        ports.add(port);
        return new Input(component, port);
    }

    Output output(String name, HwType type, SourceLocation location) {
        declareName(name, location);
        Net.Port port = new Net.Port(name, type, Net.Direction.OUTPUT, location);
        ports.add(port);
        Output out = new Output(component, port);
        declared.add(out);
        return out;
    }

    Wire wire(String name, HwType type, Expr defaultValue, SourceLocation location) {
        declareName(name, location);
        Net.Wire net = new Net.Wire(name, type, location);
        wires.add(net);
        Wire wire = new Wire(component, net);
        declared.add(wire);
        if (defaultValue != null) {
            defaults.put(wire, defaultValue);
        }
        return wire;
    }

    Reg reg(String name, HwType type, Bits resetValue, SourceLocation location) {
        declareName(name, location);
        Net.Reg net = new Net.Reg(name, type, resetValue, location);
        registers.add(net);
        Reg reg = new Reg(component, net);
        declared.add(reg);
        return reg;
    }

    Memory memory(String name, HwType type, int depth, List<Bits> init, SourceLocation location) {
        declareName(name, location);
        Memory memory;
        try {
            memory = new Memory(name, type, depth, init, location);
        } catch (IllegalArgumentException e) {
            throw new HdlException(location, "memory " + name + ": " + e.getMessage());
        }
        memories.add(memory);
        return memory;
    }

    void replaceMemory(Memory old, Memory updated) {
        memories.set(memories.indexOf(old), updated);
    }

    void memoryWrite(Memory memory, Expr address, Expr data, Expr enable, SourceLocation location) {
        memoryWrites.add(new Memory.Write(memory, address, data, and(pathGuard(), enable), location));
    }

    Net.MemReadData memoryRead(Memory memory, String name, Expr address, Expr enable, SourceLocation location) {
        declareName(name, location);
        Net.MemReadData data = new Net.MemReadData(name, memory.dataType(), location);
        memoryReads.add(new Memory.Read(memory, data, address, and(pathGuard(), enable), location));
        return data;
    }

    /** Chooses a name of the form {@code base}, {@code base1}, ... that is still free. */
    String freshName(String base) {
        if (!names.containsKey(base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            if (!names.containsKey(base + i)) {
                return base + i;
            }
        }
    }

    void parameter(String name, String value, SourceLocation location) {
        if (parameters.putIfAbsent(name, value) != null) {
            throw new HdlException(location, "parameter " + name + " is declared twice");
        }
    }

    Map<String, String> parameters() {
        return parameters;
    }

    /** Names the implicit clock and reset and sets the reset's polarity; the names become taken in this module. */
    void clocking(Clocking declared, SourceLocation location) {
        if (clockingDeclaredAt != null) {
            throw new HdlException(location, "the clocking of " + component.describe() + " is declared twice (first at "
                    + clockingDeclaredAt + ")");
        }
        if (!declared.clock().equals(Clocking.STANDARD.clock())) {
            declareName(declared.clock(), location);
        }
        if (!declared.reset().equals(Clocking.STANDARD.reset())) {
            declareName(declared.reset(), location);
        }
        clocking = declared;
        clockingDeclaredAt = location;
    }

    void addInstance(String name, Component child, ModuleDef def, SourceLocation location) {
        declareName(name, location);
        child.instanceOutputs = Elaboration.instanceOutputs(name, def, location);
        for (Net.InstanceOutput out : child.instanceOutputs.values()) {
            declareName(out.name(), location);
        }
        for (Net.Port in : def.inputs()) {
            declared.add(child.inputs.get(in.name()));
        }
        children.add(child);
        childDefinitions.put(child, def);
        childLocations.put(child, location);
    }

    // ---- statements ----

    void assign(Assignable target, Expr value, SourceLocation location) {
        openBlocks.peek().statements.add(new Assign(target, value, location));
    }

    Expr condition(Signal condition, SourceLocation location) {
        Expr cond = condition.exprIn(component);
        if (cond.width() != 1) {
            throw new HdlException(location, "a condition must be a Bool (1 bit), got " + condition.describe());
        }
        return cond.type().equals(HwType.bool()) ? cond : new Expr.Reinterpret(cond, HwType.bool());
    }

    When beginWhen() {
        When when = new When();
        openBlocks.peek().statements.add(when);
        return when;
    }

    /** Runs {@code body} as a branch of {@code when} taken when {@code condition} holds and no earlier branch did. */
    void branch(When when, Expr condition, Runnable body, SourceLocation location) {
        Block current = openBlocks.peek();
        if (current.statements.isEmpty() || current.statements.get(current.statements.size() - 1) != when) {
            throw new HdlException(location, "elseWhen/otherwise must directly follow its when or elseWhen");
        }
        if (when.otherwise != null) {
            throw new HdlException(location, "nothing can follow otherwise");
        }
        Expr guard = condition;
        for (Branch earlier : when.branches) {
            guard = and(guard, not(earlier.condition()));
        }
        Block body0 = new Block();
        if (condition == null) {
            when.otherwise = body0;
        } else {
            when.branches.add(new Branch(condition, body0));
        }
        run(body0, guard, body);
    }

    private void run(Block block, Expr guard, Runnable body) {
        openBlocks.push(block);
        guards.push(guard == null ? TRUE : guard);
        try {
            body.run();
        } finally {
            guards.pop();
            openBlocks.pop();
        }
    }

    private static final Expr TRUE = new Expr.Literal(HwType.bool(), Bits.of(1, 1));

    /** The condition under which the statement being added now takes effect, or null at the top level. */
    private Expr pathGuard() {
        Expr guard = null;
        for (Expr g : guards) {
            guard = and(guard, g);
        }
        return guard;
    }

    private static Expr and(Expr a, Expr b) {
        if (a == null || a == TRUE) {
            return b;
        }
        if (b == null || b == TRUE) {
            return a;
        }
        return new Expr.Binary(BinaryOp.AND, a, b);
    }

    private static Expr not(Expr a) {
        return new Expr.Unary(UnaryOp.NOT, a);
    }

    // ---- building the module definition ----

    ModuleDef build(String name, Map<ModuleDef, Map<String, Set<String>>> throughPaths) {
        Map<Assignable, ValueTree> values = new IdentityHashMap<>();
        evaluate(root, values);

        Map<Net, Expr> assigns = new LinkedHashMap<>();
        List<RegisterUpdate> updates = new ArrayList<>();
        Map<Component, Map<String, Expr>> instanceInputs = new IdentityHashMap<>();
        for (Assignable target : declared) {
            ValueTree tree = values.getOrDefault(target, initial(target));
            if (target instanceof Reg reg) {
                updates.add(registerUpdate(reg, tree));
            } else if (target instanceof Input in) {
                instanceInputs.computeIfAbsent(in.owner, k -> new LinkedHashMap<>()).put(in.name(), combinational(target, tree));
            } else {
                assigns.put(target.net, combinational(target, tree));
            }
        }
        List<Instance> instances = new ArrayList<>();
        for (Component child : children) {
            instances.add(new Instance(child.instanceName, childDefinitions.get(child),
                    instanceInputs.getOrDefault(child, Map.of()), childLocations.get(child)));
        }
        ModuleDef def = new ModuleDef(name, component.getClass().getName(), parameters,
                component.definedAt, ports, wires, registers,
                memories, instances, assigns, updates, memoryWrites, memoryReads, clocking);
        if (clockingDeclaredAt != null && !def.isClocked()) {
            throw new HdlException(clockingDeclaredAt, component.describe() + " declares its clock " + clocking.clock()
                    + " and reset " + clocking.reset() + " but has no registers, memories or clocked submodules to use them");
        }
        List<String> loop = new CombinationalGraph(def, throughPaths).findLoop();
        if (!loop.isEmpty()) {
            throw new HdlException(locationOf(loop.get(0)), "combinational loop in " + component.describe() + ": "
                    + String.join(" -> ", loop));
        }
        return def;
    }

    private SourceLocation locationOf(String name) {
        SourceLocation loc = names.get(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
        return loc != null ? loc : SourceLocation.UNKNOWN;
    }

    private ValueTree initial(Assignable target) {
        if (target instanceof Reg) {
            return ValueTree.HOLD;
        }
        Expr def = defaults.get(target);
        return def != null ? new ValueTree.Leaf(def) : ValueTree.UNDRIVEN;
    }

    private Expr combinational(Assignable target, ValueTree tree) {
        if (tree == ValueTree.UNDRIVEN) {
            String what = target instanceof Input in ? "input " + in.name() + " of submodule " + in.owner.instanceName
                    + " is not connected" : target.describe() + " is never driven";
            throw new HdlException(target instanceof Input in ? childLocations.get(in.owner) : target.net.location(), what);
        }
        if (tree.contains(ValueTree.UNDRIVEN)) {
            throw new HdlException(target.net.location(), target.describe()
                    + " is not assigned on every path and has no default (it would be a latch)");
        }
        return tree.toExpr();
    }

    private RegisterUpdate registerUpdate(Reg reg, ValueTree tree) {
        if (tree == ValueTree.HOLD) {
            throw new HdlException(reg.net.location(), reg.describe() + " is never assigned");
        }
        Expr enable = tree.contains(ValueTree.HOLD) ? tree.enable() : null;
        if (reg.enable != null) {
            enable = and(enable, reg.enable.expr);
        }
        return new RegisterUpdate((Net.Reg) reg.net, tree.withoutHold(), enable);
    }

    /** Folds the statements of a block into the value of each target; unchanged targets keep the same tree object. */
    private void evaluate(Block block, Map<Assignable, ValueTree> values) {
        Map<Assignable, SourceLocation> assignedHere = new IdentityHashMap<>();
        for (Statement s : block.statements) {
            if (s instanceof Assign a) {
                SourceLocation first = assignedHere.putIfAbsent(a.target(), a.location());
                if (first != null) {
                    throw new HdlException(a.location(), "multiple drivers: " + a.target().describe()
                            + " is already assigned in the same block at " + first);
                }
                values.put(a.target(), new ValueTree.Leaf(a.value()));
            } else {
                When w = (When) s;
                Set<Assignable> touched = w.targets();
                List<Map<Assignable, ValueTree>> branchValues = new ArrayList<>();
                for (Branch b : w.branches) {
                    branchValues.add(evaluateBranch(b.body(), touched, values));
                }
                Map<Assignable, ValueTree> otherwise = w.otherwise == null ? null : evaluateBranch(w.otherwise, touched, values);
                for (Assignable t : touched) {
                    ValueTree incoming = values.getOrDefault(t, initial(t));
                    ValueTree acc = otherwise == null ? incoming : otherwise.get(t);
                    for (int i = w.branches.size() - 1; i >= 0; i--) {
                        ValueTree taken = branchValues.get(i).get(t);
                        acc = taken == acc ? acc : new ValueTree.Choice(w.branches.get(i).condition(), taken, acc);
                    }
                    values.put(t, acc);
                }
            }
        }
    }

    private Map<Assignable, ValueTree> evaluateBranch(Block body, Set<Assignable> touched, Map<Assignable, ValueTree> incoming) {
        Map<Assignable, ValueTree> values = new IdentityHashMap<>();
        for (Assignable t : touched) {
            values.put(t, incoming.getOrDefault(t, initial(t)));
        }
        evaluate(body, values);
        return values;
    }

    // ---- statement model ----

    private sealed interface Statement permits Assign, When {
    }

    private record Assign(Assignable target, Expr value, SourceLocation location) implements Statement {
    }

    private record Branch(Expr condition, Block body) {
    }

    private static final class Block {
        final List<Statement> statements = new ArrayList<>();

        void collectTargets(Set<Assignable> into) {
            for (Statement s : statements) {
                if (s instanceof Assign a) {
                    into.add(a.target());
                } else {
                    into.addAll(((When) s).targets());
                }
            }
        }
    }

    /** A when / elseWhen / otherwise chain (switch/is builds one too). */
    static final class When implements Statement {
        final List<Branch> branches = new ArrayList<>();
        Block otherwise;
        private Set<Assignable> targets;

        Set<Assignable> targets() {
            if (targets == null) {
                Set<Assignable> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                Set<Assignable> ordered = new LinkedHashSet<>();
                for (Branch b : branches) {
                    b.body().collectTargets(ordered);
                }
                if (otherwise != null) {
                    otherwise.collectTargets(ordered);
                }
                set.addAll(ordered);
                targets = set;
            }
            return targets;
        }
    }
}
