package dev.tern.hdl.usage;

import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.ExprEvaluator;
import dev.tern.hdl.ir.Instance;
import dev.tern.hdl.ir.Memory;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.Net;
import dev.tern.hdl.ir.RegisterUpdate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps an elaborated design cycle by cycle so that tests of this module can check what a design
 * does (the simulator lives in a module that depends on this one). It reads the IR's documented
 * semantics literally and favours being obviously right over speed: combinational values come from
 * {@link ExprEvaluator} on demand; at each rising edge every register, memory write and memory read
 * takes its next value from the values before the edge ({@link RegisterUpdate}: reset first, then
 * enable; {@link Memory}: read-first). Registers without a reset value and memories are not touched
 * by reset. Everything starts at zero.
 */
final class NetlistStepper {
    private final Scope top;
    private final Map<String, Bits> inputs = new HashMap<>();

    NetlistStepper(Design design) {
        top = new Scope(design.top(), null, null);
    }

    void poke(String input, BigInteger value) {
        Net.Port port = top.module.port(input);
        if (!port.isInput()) {
            throw new IllegalArgumentException(input + " is not an input");
        }
        inputs.put(input, Bits.of(port.type().width(), value));
        top.forget();
    }

    void poke(String input, long value) {
        poke(input, BigInteger.valueOf(value));
    }

    void poke(String input, boolean value) {
        poke(input, value ? 1 : 0);
    }

    /** The current value of a top-level port, read as unsigned. */
    BigInteger peek(String port) {
        return top.value(top.module.port(port)).toUnsigned();
    }

    long peekLong(String port) {
        return peek(port).longValueExact();
    }

    boolean peekBool(String port) {
        return top.value(top.module.port(port)).isTrue();
    }

    /** One rising edge with reset low. */
    void step() {
        edge(false);
    }

    /** One rising edge with reset high. */
    void reset() {
        edge(true);
    }

    private void edge(boolean reset) {
        List<Runnable> commits = new ArrayList<>();
        top.planEdge(reset, commits);
        commits.forEach(Runnable::run);
        top.forget();
    }

    /** The state of one module instance; the top has no parent. */
    private final class Scope {
        final ModuleDef module;
        final Scope parent;
        final Instance instance;
        final Map<String, Scope> children = new HashMap<>();
        final Map<Net, Bits> state = new HashMap<>();
        final Map<String, Bits[]> memories = new HashMap<>();
        final Map<Net, Bits> settled = new HashMap<>();

        Scope(ModuleDef module, Scope parent, Instance instance) {
            this.module = module;
            this.parent = parent;
            this.instance = instance;
            for (Instance child : module.instances()) {
                children.put(child.name(), new Scope(child.module(), this, child));
            }
            for (Net.Reg reg : module.registers()) {
                state.put(reg, Bits.zero(reg.type().width()));
            }
            for (Memory.Read read : module.memoryReads()) {
                state.put(read.data(), Bits.zero(read.data().type().width()));
            }
            for (Memory memory : module.memories()) {
                Bits[] words = new Bits[memory.depth()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = memory.init().isEmpty() ? Bits.zero(memory.dataType().width()) : memory.init().get(i);
                }
                memories.put(memory.name(), words);
            }
        }

        Bits value(Net net) {
            Bits known = settled.get(net);
            if (known != null) {
                return known;
            }
            Bits v;
            if (net instanceof Net.Port p && p.isInput()) {
                v = parent == null
                        ? inputs.getOrDefault(p.name(), Bits.zero(p.type().width()))
                        : parent.evaluate(instance.inputs().get(p.name()));
            } else if (net instanceof Net.Reg || net instanceof Net.MemReadData) {
                v = state.get(net);
            } else if (net instanceof Net.InstanceOutput out) {
                Scope child = children.get(out.instance());
                v = child.value(child.module.port(out.port()));
            } else {
                v = evaluate(module.assigns().get(net));
            }
            settled.put(net, v);
            return v;
        }

        Bits evaluate(Expr expr) {
            return ExprEvaluator.evaluate(expr, this::value);
        }

        void planEdge(boolean reset, List<Runnable> commits) {
            for (RegisterUpdate update : module.registerUpdates()) {
                Net.Reg reg = update.register();
                Bits next;
                if (reset && reg.hasReset()) {
                    next = reg.resetValue();
                } else if (update.enable() == null || evaluate(update.enable()).isTrue()) {
                    next = evaluate(update.next());
                } else {
                    continue;
                }
                commits.add(() -> state.put(reg, next));
            }
            for (Memory.Read read : module.memoryReads()) {
                if (read.enable() == null || evaluate(read.enable()).isTrue()) {
                    Bits word = memories.get(read.memory().name())[evaluate(read.address()).toUnsigned().intValueExact()];
                    commits.add(() -> state.put(read.data(), word));
                }
            }
            for (Memory.Write write : module.memoryWrites()) {
                if (write.enable() == null || evaluate(write.enable()).isTrue()) {
                    int address = evaluate(write.address()).toUnsigned().intValueExact();
                    Bits data = evaluate(write.data());
                    commits.add(() -> memories.get(write.memory().name())[address] = data);
                }
            }
            for (Scope child : children.values()) {
                child.planEdge(reset, commits);
            }
        }

        void forget() {
            settled.clear();
            children.values().forEach(Scope::forget);
        }
    }
}
