package dev.tern.sim.activity;

import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.HwType;
import dev.tern.sim.Probe;
import dev.tern.sim.Simulator;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The value in the current cycle of any node of a simulated netlist, also of the unnamed ones (a
 * register's enable, a memory port's enable): named nodes are peeked, the others computed from their
 * operands with the IR's own operators ({@code BinaryOp.apply}, {@code UnaryOp.apply}), so the result is
 * the one the engines use. Meant for the few small cones of enables, once per cycle.
 */
final class NodeValues {
    private final Simulator simulator;
    private final FlatNetlist netlist;
    private final Map<Integer, Probe> named = new HashMap<>();
    private final Map<Integer, Bits> cycleCache = new HashMap<>();

    NodeValues(Simulator simulator) {
        this.simulator = simulator;
        this.netlist = simulator.netlist();
        for (FlatNetlist.Signal signal : netlist.signals()) {
            named.putIfAbsent(signal.node(), simulator.probe(signal.path()));
        }
        for (FlatNetlist.Port port : netlist.ports()) {
            named.putIfAbsent(port.node(), simulator.port(port.name()));
        }
        if (netlist.isClocked()) {
            named.putIfAbsent(netlist.resetNode(), simulator.resetPort());
        }
    }

    /** Forgets the values of the previous cycle; call once per cycle before reading. */
    void newCycle() {
        cycleCache.clear();
    }

    /** Whether {@code node} is high now; {@link FlatNetlist#NONE} (an absent enable) is always high. */
    boolean isHigh(int node) {
        return node == FlatNetlist.NONE || value(node).isTrue();
    }

    Bits value(int index) {
        Bits cached = cycleCache.get(index);
        if (cached != null) {
            return cached;
        }
        Bits computed = compute(index);
        cycleCache.put(index, computed);
        return computed;
    }

    private Bits compute(int index) {
        Probe probe = named.get(index);
        if (probe != null) {
            return simulator.peekBits(probe);
        }
        Node node = netlist.node(index);
        int width = node.width();
        if (node instanceof Node.Constant c) {
            return c.value();
        }
        if (node instanceof Node.Unary u) {
            return fit(width, u.op().apply(value(u.operand())).toUnsigned());
        }
        if (node instanceof Node.Binary b) {
            Bits left = value(b.left());
            Bits right = value(b.right());
            return fit(width, b.op().apply(left, right, type(left.width(), b.signed()), type(right.width(), b.signed()))
                    .toUnsigned());
        }
        if (node instanceof Node.Mux m) {
            return value(m.select()).isTrue() ? value(m.whenTrue()) : value(m.whenFalse());
        }
        if (node instanceof Node.Concat c) {
            BigInteger result = BigInteger.ZERO;
            for (int part : c.parts()) {
                Bits bits = value(part);
                result = result.shiftLeft(bits.width()).or(bits.toUnsigned());
            }
            return fit(width, result);
        }
        if (node instanceof Node.Slice s) {
            return fit(width, value(s.operand()).toUnsigned().shiftRight(s.low()));
        }
        if (node instanceof Node.Extend x) {
            Bits operand = value(x.operand());
            return fit(width, x.signed() ? operand.toSigned() : operand.toUnsigned());
        }
        if (node instanceof Node.Copy c) {
            return value(c.operand());
        }
        throw new IllegalStateException("node " + index + " of " + netlist.name() + " (" + node
                + ") is a leaf without a name");
    }

    private static HwType type(int width, boolean signed) {
        return signed ? HwType.sint(width) : HwType.uint(width);
    }

    /** The low {@code width} bits: operators may give a wider result than the node keeps. */
    private static Bits fit(int width, BigInteger value) {
        return Bits.of(width, value);
    }
}
