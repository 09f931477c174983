package dev.tern.sim.compiler;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The order in which generated code performs a rising edge by itself, from the inputs and state: the
 * nodes that registers and memory ports read, and the state updates, arranged so that each update
 * writes its state in place. The order must satisfy:
 * <ul>
 *   <li>a node after its operands, an update after the nodes it reads;</li>
 *   <li>every node reading a state value before the update that overwrites it (so that all of the edge
 *       sees the state from before the edge);</li>
 *   <li>the read ports of a memory before its writes (read-first), its writes in order (the later wins).</li>
 * </ul>
 * These constraints never form a cycle, so a topological order always exists; it is found with a
 * depth-first preference (a stack of ready nodes) and updates applied as soon as they are ready, which
 * keeps most values in locals for only a few statements: a pipeline is updated from its last stage back
 * to its first.
 */
final class EdgeSchedule {
    private EdgeSchedule() {
    }

    static List<Step> of(FlatNetlist netlist) {
        List<Step> order = withLoops(netlist, List.of());
        if (order == null) {
            throw new IllegalStateException("rising-edge schedule of " + netlist.name() + " is cyclic");
        }
        return order;
    }

    /**
     * The order with the registers of {@code groups} updated by their loops, each loop one step; null when
     * none exists. Each register alone can always be ordered, but a loop updates all of its registers at
     * once: two loops each reading registers the other writes (in different lanes) cannot both go first.
     */
    static List<Step> withLoops(FlatNetlist netlist, List<LaneGroup> groups) {
        int n = netlist.nodes().size();
        boolean[] grouped = new boolean[n];
        groups.forEach(g -> Arrays.stream(g.targets()).forEach(t -> grouped[t] = true));
        List<StateUpdate> updates = new ArrayList<>(updates(netlist));
        updates.removeIf(u -> u instanceof StateUpdate.RegisterLoad r && grouped[r.register().state()]);
        // Events: node i (computed, in the cone) is event i; update u is event n + u; group g is event n + u + g.
        List<int[]> inputsOf = new ArrayList<>();
        updates.forEach(u -> inputsOf.add(u.inputs()));
        groups.forEach(g -> inputsOf.add(g.inputs(netlist)));
        boolean[] inCone = cone(netlist, inputsOf);
        int events = n + inputsOf.size();
        int[] pending = new int[events];
        List<List<Integer>> successors = new ArrayList<>(events);
        for (int e = 0; e < events; e++) {
            successors.add(new ArrayList<>(1));
        }
        int[] writerOf = new int[n];
        Arrays.fill(writerOf, -1);
        for (int u = 0; u < updates.size(); u++) {
            int target = updates.get(u).target();
            if (target != FlatNetlist.NONE) {
                writerOf[target] = n + u;
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            for (int target : groups.get(g).targets()) {
                writerOf[target] = n + updates.size() + g;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!inCone[i]) {
                continue;
            }
            for (int operand : netlist.node(i).operands()) {
                if (inCone[operand]) {
                    edge(successors, pending, operand, i);
                } else if (netlist.node(operand) instanceof Node.State && writerOf[operand] >= 0) {
                    edge(successors, pending, i, writerOf[operand]);
                }
            }
        }
        List<List<Integer>> readsOf = new ArrayList<>();
        List<List<Integer>> writesOf = new ArrayList<>();
        for (int m = 0; m < netlist.memories().size(); m++) {
            readsOf.add(new ArrayList<>());
            writesOf.add(new ArrayList<>());
        }
        for (int u = 0; u < inputsOf.size(); u++) {
            for (int input : inputsOf.get(u)) {
                if (input == FlatNetlist.NONE) {
                    continue;
                }
                if (inCone[input]) {
                    edge(successors, pending, input, n + u);
                } else if (netlist.node(input) instanceof Node.State && writerOf[input] >= 0 && writerOf[input] != n + u) {
                    edge(successors, pending, n + u, writerOf[input]);
                }
            }
        }
        for (int u = 0; u < updates.size(); u++) {
            StateUpdate update = updates.get(u);
            if (update instanceof StateUpdate.MemoryRead r) {
                readsOf.get(r.port().memory()).add(n + u);
            } else if (update instanceof StateUpdate.MemoryWrite w) {
                writesOf.get(w.port().memory()).add(n + u);
            }
        }
        for (int m = 0; m < readsOf.size(); m++) {
            List<Integer> writes = writesOf.get(m);
            if (writes.isEmpty()) {
                continue;
            }
            for (int read : readsOf.get(m)) {
                edge(successors, pending, read, writes.get(0));
            }
            for (int w = 1; w < writes.size(); w++) {
                edge(successors, pending, writes.get(w - 1), writes.get(w));
            }
        }

        Deque<Integer> readyNodes = new ArrayDeque<>();
        Deque<Integer> readyUpdates = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (inCone[i] && pending[i] == 0) {
                readyNodes.push(i);
            }
        }
        for (int u = 0; u < inputsOf.size(); u++) {
            if (pending[n + u] == 0) {
                readyUpdates.add(n + u);
            }
        }
        List<Step> order = new ArrayList<>();
        while (!readyUpdates.isEmpty() || !readyNodes.isEmpty()) {
            int event;
            if (!readyUpdates.isEmpty()) {
                event = readyUpdates.poll();
                int u = event - n;
                order.add(u < updates.size() ? new Step.Apply(updates.get(u)) : new Step.Lanes(groups.get(u - updates.size())));
            } else {
                event = readyNodes.pop();
                order.add(new Step.Compute(event));
            }
            for (int next : successors.get(event)) {
                if (--pending[next] == 0) {
                    if (next >= n) {
                        readyUpdates.add(next);
                    } else {
                        readyNodes.push(next);
                    }
                }
            }
        }
        long scheduled = order.size();
        long expected = inputsOf.size() + java.util.stream.IntStream.range(0, n).filter(i -> inCone[i]).count();
        return scheduled == expected ? order : null;
    }

    private static void edge(List<List<Integer>> successors, int[] pending, int from, int to) {
        successors.get(from).add(to);
        pending[to]++;
    }

    /** Memory reads, memory writes, registers: the order of the IR, used within the constraints. */
    static List<StateUpdate> updates(FlatNetlist netlist) {
        List<StateUpdate> updates = new ArrayList<>();
        netlist.readPorts().forEach(r -> updates.add(new StateUpdate.MemoryRead(r)));
        netlist.writePorts().forEach(w -> updates.add(new StateUpdate.MemoryWrite(w)));
        netlist.registers().forEach(r -> updates.add(new StateUpdate.RegisterLoad(r)));
        return updates;
    }

    /** The computed nodes (not leaves or constants) that the updates and loops read, directly or not. */
    private static boolean[] cone(FlatNetlist netlist, List<int[]> inputsOf) {
        List<Integer> roots = new ArrayList<>();
        for (int[] inputs : inputsOf) {
            for (int input : inputs) {
                if (input != FlatNetlist.NONE) {
                    roots.add(input);
                }
            }
        }
        return Cones.computedNodesReachedFrom(netlist, roots);
    }
}
