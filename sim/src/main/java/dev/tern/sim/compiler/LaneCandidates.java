package dev.tern.sim.compiler;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate {@link LaneGroup}s: registers with the same enable and reset value whose next values have the same
 * shape, the expression of operators, widths and constants from the register back to its leaves, whatever
 * those leaves are. Where to stop is a choice of what a loop computes (operators of at most 64 bits) and what
 * it reads from slots (inputs, state, slices, wide values).
 */
final class LaneCandidates {
    /** Expressions of more positions than this stay scalar code (and keep signatures short). */
    private static final int MAX_POSITIONS = 128;

    private LaneCandidates() {
    }

    /** One lane's expression in operand-first order, with a signature equal for lanes of the same shape. */
    private record Shape(String signature, int[] nodes, int[][] operands) {
    }

    /** Groups of at least {@code minLanes} registers of one shape, larger groups first. */
    static List<LaneGroup> of(FlatNetlist netlist, int minLanes) {
        Map<String, List<FlatNetlist.Register>> registersByKey = new LinkedHashMap<>();
        Map<String, Shape> shapeByKey = new HashMap<>();
        Map<FlatNetlist.Register, Shape> shapes = new HashMap<>();
        for (FlatNetlist.Register r : netlist.registers()) {
            if (netlist.width(r.state()) > 64 || netlist.width(r.next()) > 64) {
                continue;
            }
            Shape shape = shape(netlist, r.next());
            if (shape == null) {
                continue;
            }
            String key = shape.signature + "|" + r.enable() + "|" + r.resetValue();
            registersByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            shapeByKey.putIfAbsent(key, shape);
            shapes.put(r, shape);
        }
        mergeEquivalentEnables(netlist, registersByKey, shapeByKey, minLanes);
        List<LaneGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<FlatNetlist.Register>> entry : registersByKey.entrySet()) {
            Shape first = shapeByKey.get(entry.getKey());
            for (List<FlatNetlist.Register> lanes : runsOfDistinctOperands(netlist, first, entry.getValue(), shapes)) {
                if (lanes.size() >= minLanes) {
                    groups.add(group(first, lanes, shapes));
                }
            }
        }
        // Larger groups first (readers still before what they read): a large group's operand blocks can serve
        // the smaller groups reading parts of them, not the other way round.
        groups.sort((a, b) -> Integer.compare(b.lanes(), a.lanes()));
        return groups;
    }

    /**
     * Joins the registers of one shape whose enables differ as nodes but are equal in every cycle (each row of
     * a matrix unit delays its own copy of one valid flag): one loop reads the first lane's enable for all.
     * Only sets that are loops on their own are joined, so that a handful of registers from each of several
     * structures never becomes a loop whose operands would dictate the layout of the larger loops they read.
     */
    private static void mergeEquivalentEnables(FlatNetlist netlist, Map<String, List<FlatNetlist.Register>> registersByKey,
                                               Map<String, Shape> shapeByKey, int minLanes) {
        EquivalentRegisters equivalence = EquivalentRegisters.of(netlist);
        Map<String, List<FlatNetlist.Register>> merged = new LinkedHashMap<>();
        Map<String, Shape> mergedShapes = new HashMap<>();
        for (Map.Entry<String, List<FlatNetlist.Register>> entry : registersByKey.entrySet()) {
            List<FlatNetlist.Register> registers = entry.getValue();
            Shape shape = shapeByKey.get(entry.getKey());
            FlatNetlist.Register first = registers.get(0);
            String key = registers.size() < minLanes ? entry.getKey()
                    : "equal enables|" + shape.signature + "|" + equivalence.id(first.enable()) + "|" + first.resetValue();
            merged.computeIfAbsent(key, k -> new ArrayList<>()).addAll(registers);
            mergedShapes.putIfAbsent(key, shape);
        }
        registersByKey.clear();
        registersByKey.putAll(merged);
        shapeByKey.clear();
        shapeByKey.putAll(mergedShapes);
    }

    private static LaneGroup group(Shape first, List<FlatNetlist.Register> lanes, Map<FlatNetlist.Register, Shape> shapes) {
        int[] targets = new int[lanes.size()];
        int[][] nodes = new int[first.nodes.length][lanes.size()];
        for (int lane = 0; lane < lanes.size(); lane++) {
            targets[lane] = lanes.get(lane).state();
            int[] laneNodes = shapes.get(lanes.get(lane)).nodes;
            for (int p = 0; p < laneNodes.length; p++) {
                nodes[p][lane] = laneNodes[p];
            }
        }
        return new LaneGroup(targets, nodes, first.operands, lanes.get(0).enable(), lanes.get(0).resetValue());
    }

    /**
     * Splits registers of one shape into runs in which every leaf position holds either one node for all lanes or
     * a different node in each: consecutive slots cannot serve two lanes with one node (rows of a matrix unit
     * reading the same activations are separate loops).
     */
    private static List<List<FlatNetlist.Register>> runsOfDistinctOperands(FlatNetlist netlist, Shape shape,
            List<FlatNetlist.Register> registers, Map<FlatNetlist.Register, Shape> shapes) {
        List<List<FlatNetlist.Register>> runs = new ArrayList<>();
        List<FlatNetlist.Register> run = new ArrayList<>();
        List<Set<Integer>> seen = new ArrayList<>();
        for (FlatNetlist.Register register : registers) {
            int[] nodes = shapes.get(register).nodes;
            boolean fits = true;
            for (int p = 0; p < seen.size() && fits; p++) {
                Set<Integer> atP = seen.get(p);
                boolean repeated = atP.contains(nodes[p]);
                fits = atP.size() == 1 ? repeated || run.size() == 1 : !repeated;
            }
            if (!fits) {
                runs.add(run);
                run = new ArrayList<>();
                seen.clear();
            }
            if (seen.isEmpty()) {
                for (int p = 0; p < nodes.length; p++) {
                    seen.add(new HashSet<>());
                }
            }
            run.add(register);
            for (int p = 0; p < nodes.length; p++) {
                if (shape.operands[p].length == 0 && !(netlist.node(nodes[p]) instanceof Node.Constant)) {
                    seen.get(p).add(nodes[p]);
                }
            }
        }
        runs.add(run);
        return runs;
    }

    /** The shape of the expression computing {@code root}, or null when it is too large to be a loop body. */
    private static Shape shape(FlatNetlist netlist, int root) {
        Map<Integer, Integer> positions = new HashMap<>();
        List<Integer> nodes = new ArrayList<>();
        List<int[]> operands = new ArrayList<>();
        StringBuilder signature = new StringBuilder();
        return visit(netlist, root, positions, nodes, operands, signature) < 0 ? null
                : new Shape(signature.toString(), nodes.stream().mapToInt(Integer::intValue).toArray(), operands.toArray(new int[0][]));
    }

    /** Adds the node (after its operands) and returns its position, or -1 when the expression grows too large. */
    private static int visit(FlatNetlist netlist, int index, Map<Integer, Integer> positions, List<Integer> nodes,
                             List<int[]> operands, StringBuilder signature) {
        Integer known = positions.get(index);
        if (known != null) {
            return known;
        }
        Node node = netlist.node(index);
        int[] operandPositions = new int[0];
        boolean leaf = isLeaf(netlist, node);
        if (!leaf) {
            int[] ops = node.operands();
            operandPositions = new int[ops.length];
            for (int o = 0; o < ops.length; o++) {
                operandPositions[o] = visit(netlist, ops[o], positions, nodes, operands, signature);
                if (operandPositions[o] < 0) {
                    return -1;
                }
            }
        }
        if (nodes.size() >= MAX_POSITIONS) {
            return -1;
        }
        int position = nodes.size();
        positions.put(index, position);
        nodes.add(index);
        operands.add(operandPositions);
        signature.append(operator(node, leaf)).append(Arrays.toString(operandPositions)).append(';');
        return position;
    }

    /**
     * Read from a slot rather than computed in the loop: inputs and state, constants, wide values and what
     * reads them, many-part concatenations, copies (values of state taken before the edge overwrites it,
     * which scalar code must take before the loops run), and slices of leaves (a bus's lanes sit at positions that
     * differ from lane to lane; scalar code computes them into consecutive slots). A slice of a value the loop
     * computes (the bits an adder keeps of a wider difference) is an operator, the same in every lane, and so is a
     * narrow slice of such a lane slice (the bits of a lane's weight code): the lane's field is extracted once, and
     * each loop that needs some of its bits takes them itself.
     */
    private static boolean isLeaf(FlatNetlist netlist, Node node) {
        if (node.isLeaf() || node instanceof Node.Constant || node instanceof Node.Copy || node.width() > 64) {
            return true;
        }
        if (node instanceof Node.Slice s) {
            Node operand = netlist.node(s.operand());
            boolean laneField = operand instanceof Node.Slice && operand.width() <= 64;
            return isLeaf(netlist, operand) && !laneField;
        }
        if (node instanceof Node.Concat c && c.parts().length > 2) {
            return true;
        }
        for (int operand : node.operands()) {
            if (netlist.width(operand) > 64) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a lane's node at a position must match in the other lanes: its operator and widths, not its operands;
     * a leaf slice is any lane's field of the same width, wherever it sits.
     */
    private static String operator(Node node, boolean leaf) {
        return leaf && node instanceof Node.Slice ? "L" + node.width() : NodeSignatures.of(node);
    }
}
