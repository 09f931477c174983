package dev.tern.sim.engine;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter's evaluation as steps in levelised order. A node's level is one more than its
 * operands' highest (inputs, state and constants are level 0), so the nodes of one level read only values
 * of lower levels and can run in any order: each level runs its narrow nodes as one {@link NarrowBatch}
 * per operator, then its other nodes one step each.
 */
final class LevelledSteps {
    private LevelledSteps() {
    }

    static Step[] of(FlatNetlist netlist, SlotLayout layout) {
        List<List<Integer>> levels = levels(netlist);
        WideSteps wide = new WideSteps(netlist, layout);
        List<Step> steps = new ArrayList<>();
        for (List<Integer> level : levels) {
            Map<Object, NarrowBatch> batches = new LinkedHashMap<>();
            List<Step> single = new ArrayList<>();
            for (int i : level) {
                Node node = netlist.node(i);
                Object operator = NarrowBatch.operatorOf(node, netlist);
                if (operator == null) {
                    single.add(wide.step(node, layout.offset(i)));
                } else {
                    batches.computeIfAbsent(operator, NarrowBatch::new).add(node, netlist, layout, layout.offset(i));
                }
            }
            batches.values().forEach(b -> steps.add(b.step()));
            steps.addAll(single);
        }
        return steps.toArray(Step[]::new);
    }

    /** The computed nodes by level, from level 1 up, each level in node order. */
    private static List<List<Integer>> levels(FlatNetlist netlist) {
        int[] level = new int[netlist.nodes().size()];
        List<List<Integer>> levels = new ArrayList<>();
        for (int i = 0; i < level.length; i++) {
            Node node = netlist.node(i);
            if (node.isLeaf() || node instanceof Node.Constant) {
                continue;
            }
            int highest = 0;
            for (int operand : node.operands()) {
                highest = Math.max(highest, level[operand]);
            }
            level[i] = highest + 1;
            if (levels.size() < level[i]) {
                levels.add(new ArrayList<>());
            }
            levels.get(level[i] - 1).add(i);
        }
        return levels;
    }
}
