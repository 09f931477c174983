package dev.tern.sim.compiler;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.util.ArrayDeque;
import java.util.Deque;

/** Which computed nodes a set of values depends on within a cycle. */
final class Cones {
    private Cones() {
    }

    /** Marks every computed node (not a leaf or constant) reachable from {@code roots} through operands. */
    static boolean[] computedNodesReachedFrom(FlatNetlist netlist, Iterable<Integer> roots) {
        boolean[] reached = new boolean[netlist.nodes().size()];
        Deque<Integer> work = new ArrayDeque<>();
        roots.forEach(work::push);
        while (!work.isEmpty()) {
            int i = work.pop();
            Node node = netlist.node(i);
            if (reached[i] || node.isLeaf() || node instanceof Node.Constant) {
                continue;
            }
            reached[i] = true;
            for (int operand : node.operands()) {
                work.push(operand);
            }
        }
        return reached;
    }
}
