package dev.tern.hdl.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The combinational dependencies inside one module: which nets and instance inputs each driven node
 * reads in the same cycle. Registers, memory read data and input ports start paths; submodule
 * instances contribute the paths from their inputs to their outputs. Used to find combinational loops
 * and to know which outputs of a module depend combinationally on which inputs.
 */
public final class CombinationalGraph {
    /** A node: a net of this module, or an input of an instance ("u_add.a"). */
    public record Node(String name, Net net, Instance instance, String port) {
        // Names are unique within a graph (instance inputs contain a dot, net names cannot). The
        // generated equals/hashCode would hash the instance's whole module definition on every lookup.
        @Override
        public boolean equals(Object o) {
            return o instanceof Node n && n.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final ModuleDef module;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Insertion-ordered, so that the search, and the loop it reports, is the same on every run. */
    private final Map<Node, List<Node>> edges = new LinkedHashMap<>();

    /**
     * @param throughPaths for each instantiated definition, its outputs' combinational input ports
     *                     (from {@link #outputDependencies()} of that definition)
     */
    public CombinationalGraph(ModuleDef module, Map<ModuleDef, Map<String, Set<String>>> throughPaths) {
        this.module = module;
        for (Map.Entry<Net, Expr> e : module.assigns().entrySet()) {
            Node n = netNode(e.getKey());
            edges.put(n, readsOf(e.getValue()));
        }
        for (Instance inst : module.instances()) {
            for (Map.Entry<String, Expr> in : inst.inputs().entrySet()) {
                edges.put(inputNode(inst, in.getKey()), readsOf(in.getValue()));
            }
            Map<String, Set<String>> through = throughPaths.getOrDefault(inst.module(), Map.of());
            for (Net.Port out : inst.module().outputs()) {
                Node outNode = netNode(new Net.InstanceOutput(inst.name(), out.name(), out.type(), inst.location()));
                List<Node> deps = new ArrayList<>();
                for (String in : through.getOrDefault(out.name(), Set.of())) {
                    deps.add(inputNode(inst, in));
                }
                edges.put(outNode, deps);
            }
        }
    }

    private Node netNode(Net net) {
        return nodes.computeIfAbsent("net:" + net.name(), k -> new Node(net.name(), net, null, null));
    }

    private Node inputNode(Instance inst, String port) {
        return nodes.computeIfAbsent("in:" + inst.name() + "." + port, k -> new Node(inst.name() + "." + port, null, inst, port));
    }

    private List<Node> readsOf(Expr expr) {
        List<Node> out = new ArrayList<>();
        ExprWalker.forEachNet(expr, net -> {
            if (net instanceof Net.Wire || net instanceof Net.InstanceOutput
                    || (net instanceof Net.Port p && !p.isInput())) {
                out.add(netNode(net));
            }
        });
        return out;
    }

    /** A combinational loop as the list of node names along it (first repeated at the end), or empty. */
    public List<String> findLoop() {
        Map<Node, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (Node start : edges.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            List<Node> path = new ArrayList<>();
            List<String> loop = visit(start, state, path);
            if (!loop.isEmpty()) {
                return loop;
            }
        }
        return List.of();
    }

    private List<String> visit(Node start, Map<Node, Integer> state, List<Node> path) {
        // Iterative depth-first search: generated designs can be deep enough to overflow the Java stack.
        record Frame(Node node, int next) {
        }
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(start, 0));
        state.put(start, 1);
        path.add(start);
        while (!stack.isEmpty()) {
            Frame top = stack.get(stack.size() - 1);
            List<Node> succ = edges.getOrDefault(top.node(), List.of());
            if (top.next() < succ.size()) {
                stack.set(stack.size() - 1, new Frame(top.node(), top.next() + 1));
                Node n = succ.get(top.next());
                Integer s = state.get(n);
                if (s == null) {
                    state.put(n, 1);
                    path.add(n);
                    stack.add(new Frame(n, 0));
                } else if (s == 1) {
                    List<String> loop = new ArrayList<>();
                    for (int i = path.indexOf(n); i < path.size(); i++) {
                        loop.add(path.get(i).name());
                    }
                    loop.add(n.name());
                    java.util.Collections.reverse(loop);
                    return loop;
                }
            } else {
                state.put(top.node(), 2);
                path.remove(path.size() - 1);
                stack.remove(stack.size() - 1);
            }
        }
        return List.of();
    }

    /** For each output port of the module, the input ports it depends on within the same cycle. */
    public Map<String, Set<String>> outputDependencies() {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (Net.Port out : module.outputs()) {
            Set<String> inputs = new LinkedHashSet<>();
            Set<Node> seen = new HashSet<>();
            List<Node> work = new ArrayList<>(List.of(netNode(out)));
            while (!work.isEmpty()) {
                Node n = work.remove(work.size() - 1);
                if (!seen.add(n)) {
                    continue;
                }
                work.addAll(edges.getOrDefault(n, List.of()));
                Expr driver = n.net() != null ? module.assigns().get(n.net()) : n.instance().inputs().get(n.port());
                if (driver != null) {
                    ExprWalker.forEachNet(driver, net -> {
                        if (net instanceof Net.Port p && p.isInput()) {
                            inputs.add(p.name());
                        }
                    });
                }
            }
            result.put(out.name(), inputs);
        }
        return result;
    }
}
