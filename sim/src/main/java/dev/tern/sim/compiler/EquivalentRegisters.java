package dev.tern.sim.compiler;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values that are equal in every cycle because the registers they come from are copies of each other: the
 * valid flags that each row of a matrix unit delays alike from one input, say. Registers are equivalent
 * when they have the same width and reset value and their next values and enables are the same expressions
 * of equivalent registers and the same inputs; all state starts at zero, so such registers hold equal
 * values from the first cycle on. The classes are the coarsest such partition, found by refining one class
 * per width and reset value until no class splits.
 *
 * <p>The compiled engine uses this to let registers whose enables are equivalent share one loop, which reads
 * the first lane's enable for all of them.
 */
final class EquivalentRegisters {
    /** For each node reached from a register's next value or enable, an id equal for equal values; else -1. */
    private final int[] canonical;

    private EquivalentRegisters(int[] canonical) {
        this.canonical = canonical;
    }

    /** Whether the two nodes have equal values in every cycle, as far as their expressions show. */
    boolean equal(int a, int b) {
        if (a == b) {
            return true;
        }
        return a != FlatNetlist.NONE && b != FlatNetlist.NONE && canonical[a] >= 0 && canonical[a] == canonical[b];
    }

    /** The id of a node's value: equal ids for equal values. */
    int id(int node) {
        return node == FlatNetlist.NONE ? -1 : canonical[node] >= 0 ? canonical[node] : Integer.MIN_VALUE + node;
    }

    static EquivalentRegisters of(FlatNetlist netlist) {
        List<FlatNetlist.Register> registers = netlist.registers();
        int[] classOf = new int[netlist.nodes().size()];
        Arrays.fill(classOf, -1);
        Map<String, Integer> initial = new HashMap<>();
        for (FlatNetlist.Register r : registers) {
            String key = netlist.width(r.state()) + "|" + r.resetValue();
            classOf[r.state()] = initial.computeIfAbsent(key, k -> initial.size());
        }
        int classes = initial.size();
        int[] canonical;
        while (true) {
            canonical = canonicalIds(netlist, classOf);
            Map<List<Integer>, Integer> refined = new HashMap<>();
            int[] next = classOf.clone();
            for (FlatNetlist.Register r : registers) {
                List<Integer> key = List.of(classOf[r.state()], canonical[r.next()],
                        r.enable() == FlatNetlist.NONE ? -1 : canonical[r.enable()]);
                next[r.state()] = refined.computeIfAbsent(key, k -> refined.size());
            }
            classOf = next;
            if (refined.size() == classes) {
                return new EquivalentRegisters(canonical);
            }
            classes = refined.size();
        }
    }

    /**
     * Ids of the nodes' values with the registers' states taken by class: nodes are numbered after their
     * operands, so one pass in node order suffices (a node that is not counts as a value of its own).
     */
    private static int[] canonicalIds(FlatNetlist netlist, int[] classOf) {
        int n = netlist.nodes().size();
        int[] canonical = new int[n];
        Map<List<Object>, Integer> ids = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Node node = netlist.node(i);
            List<Object> key = new ArrayList<>();
            if (node instanceof Node.State && classOf[i] >= 0) {
                key.add("state");
                key.add(classOf[i]);
            } else if (node.isLeaf() || Arrays.stream(node.operands()).anyMatch(operand -> operand >= index)) {
                key.add("leaf");
                key.add(i);
            } else {
                key.add(NodeSignatures.of(node));
                for (int operand : node.operands()) {
                    key.add(canonical[operand]);
                }
            }
            canonical[i] = ids.computeIfAbsent(key, k -> ids.size());
        }
        return canonical;
    }
}
