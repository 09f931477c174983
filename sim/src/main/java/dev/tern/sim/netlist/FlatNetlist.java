package dev.tern.sim.netlist;

import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.HwType;

import java.util.ArrayList;
import java.util.List;

/**
 * A design with its hierarchy flattened: every value is a {@link Node}, listed in an order where each
 * node comes after its operands (the levelised order both engines evaluate in), and all state changes
 * of a rising edge read only nodes that the edge does not write. Built by {@link Flattener}.
 *
 * @param nodes      every node, operands first
 * @param ports      the top module's ports, inputs as {@link Node.Input} leaves, in declaration order
 * @param resetNode  the {@link Node.Input} of the top's implicit reset, or -1 when the design is not clocked;
 *                   registers load their reset values while it is 1. A top whose reset is active low has
 *                   no register with a reset value here: the flattener folds that reset into each
 *                   register's next value and enable
 * @param writePorts memory writes in the order they apply within an edge (a later one wins)
 * @param top        the scope of the top module, with the hierarchy below it
 */
public record FlatNetlist(Design design, List<Node> nodes, List<Port> ports, int resetNode, List<Register> registers,
                          List<Memory> memories, List<ReadPort> readPorts, List<WritePort> writePorts, Scope top) {

    public FlatNetlist {
        nodes = List.copyOf(nodes);
        ports = List.copyOf(ports);
        registers = List.copyOf(registers);
        memories = List.copyOf(memories);
        readPorts = List.copyOf(readPorts);
        writePorts = List.copyOf(writePorts);
    }

    /** No node: an absent enable (always enabled) or an absent reset. */
    public static final int NONE = -1;

    public String name() {
        return design.name();
    }

    public boolean isClocked() {
        return resetNode != NONE;
    }

    /** The names of the top's clock and reset and the reset's polarity. */
    public Clocking clocking() {
        return design.top().clocking();
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    public int width(int index) {
        return nodes.get(index).width();
    }

    /** Every named signal of every scope, the top's first, each scope's in declaration order. */
    public List<Signal> signals() {
        List<Signal> all = new ArrayList<>();
        top.collect(all);
        return all;
    }

    /** A port of the top module. */
    public record Port(String name, HwType type, boolean isInput, int node) {
    }

    /**
     * A register: at a rising edge it loads {@code resetValue} when the reset is high and it has one,
     * otherwise {@code next} when {@code enable} is {@link #NONE} or high.
     */
    public record Register(String name, int state, int next, int enable, Bits resetValue) {
    }

    /** A memory of {@code depth} words, starting at {@code init} (or zeros when it is empty). */
    public record Memory(String name, HwType dataType, int depth, List<Bits> init) {
        public Memory {
            init = List.copyOf(init);
        }

        public int width() {
            return dataType.width();
        }
    }

    /** At a rising edge where {@code enable} is {@link #NONE} or high, the word at {@code address} is loaded into {@code data}. */
    public record ReadPort(int memory, int data, int address, int enable) {
    }

    /** At a rising edge where {@code enable} is {@link #NONE} or high, {@code data} is stored at {@code address}. */
    public record WritePort(int memory, int address, int data, int enable) {
    }

    /**
     * A named value: a port, wire, register, memory read data or instance output, under its hierarchical
     * name ({@code u_fifo.count}); signals that are the same value share one node.
     */
    public record Signal(String path, String name, HwType type, int node) {
    }

    /**
     * One module instance: the top (named after its module) or a submodule (named after its instance),
     * the signals declared in it and its own submodules.
     *
     * @param clocked  whether the module has the implicit clock and reset ports
     * @param clocking their names and the reset's polarity
     */
    public record Scope(String name, String module, boolean clocked, Clocking clocking, List<Signal> signals, List<Scope> children) {
        public Scope {
            signals = List.copyOf(signals);
            children = List.copyOf(children);
        }

        void collect(List<Signal> into) {
            into.addAll(signals);
            children.forEach(c -> c.collect(into));
        }
    }
}
