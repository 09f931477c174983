package dev.tern.sim.compiler;

import dev.tern.sim.netlist.Node;

/** What makes a node's value other than its operands: its operator, widths and parameters, as a string. */
final class NodeSignatures {
    private NodeSignatures() {
    }

    /** Equal for two nodes that compute the same function of their operands (inputs and state: their width only). */
    static String of(Node node) {
        if (node instanceof Node.Constant c) {
            return "C" + c.width() + ":" + c.value().toUnsigned().toString(16);
        }
        if (node instanceof Node.Unary u) {
            return "U" + u.op() + u.width();
        }
        if (node instanceof Node.Binary b) {
            return "B" + b.op() + b.signed() + b.width();
        }
        if (node instanceof Node.Mux m) {
            return "M" + m.width();
        }
        if (node instanceof Node.Concat c) {
            return "K" + c.width();
        }
        if (node instanceof Node.Extend x) {
            return "E" + x.signed() + x.width();
        }
        if (node instanceof Node.Slice s) {
            return "S" + s.low() + ":" + s.width();
        }
        if (node instanceof Node.Copy y) {
            return "Y" + y.width();
        }
        return "L" + node.width();
    }
}
