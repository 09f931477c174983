package dev.tern.sim.compiler;

import dev.tern.hdl.ir.Bits;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@link LaneGroup}s of a design and the slot blocks they need: registers with the same shape of
 * next value are grouped, then each group, readers before the groups whose registers they read, fixes the
 * order of its lanes and asks for its registers and its lane operands to be consecutive. A group whose
 * demands conflict with blocks already fixed stays scalar code. Reading a tree level's sums as the pairs of
 * the level below asks for that level's registers in the order evens then odds, which is then that group's
 * lane order: the blocks of a whole tree fit together.
 */
final class LaneGroups {
    /** Fewer lanes than this are not worth a loop: C2 vectorises the main loop of a counted loop, after unrolling. */
    static final int MIN_LANES = 16;
    /** Expressions of more positions than this stay scalar code (and keep signatures short). */
    private static final int MAX_POSITIONS = 128;

    private final FlatNetlist netlist;
    /** For a node in a block: its block and its place there; -1 when in none. */
    private final int[] blockOf;
    private final int[] placeOf;
    private final List<int[]> blocks = new ArrayList<>();
    private final List<LaneGroup> placed = new ArrayList<>();

    private LaneGroups(FlatNetlist netlist) {
        this.netlist = netlist;
        blockOf = new int[netlist.nodes().size()];
        placeOf = new int[netlist.nodes().size()];
        Arrays.fill(blockOf, -1);
    }

    /** The groups and blocks of slots for a design. */
    record Plan(List<LaneGroup> groups, List<int[]> blocks) {
        Plan {
            groups = List.copyOf(groups);
            blocks = List.copyOf(blocks);
        }
    }

    static Plan of(FlatNetlist netlist) {
        LaneGroups finder = new LaneGroups(netlist);
        for (LaneGroup candidate : readersFirst(netlist, candidates(netlist))) {
            finder.place(candidate);
        }
        return new Plan(finder.placed, finder.blocks);
    }

    // ---- candidates: registers of the same shape ----

    /** One lane's expression in operand-first order, with a signature equal for lanes of the same shape. */
    private record Shape(String signature, int[] nodes, int[][] operands) {
    }

    private static List<LaneGroup> candidates(FlatNetlist netlist) {
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
        List<LaneGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<FlatNetlist.Register>> entry : registersByKey.entrySet()) {
            Shape first = shapeByKey.get(entry.getKey());
            for (List<FlatNetlist.Register> lanes : runsOfDistinctOperands(netlist, first, entry.getValue(), shapes)) {
                if (lanes.size() >= MIN_LANES) {
                    groups.add(group(first, lanes, shapes));
                }
            }
        }
        // Larger groups first (readers still before what they read): a large group's operand blocks can serve
        // the smaller groups reading parts of them, not the other way round.
        groups.sort((a, b) -> Integer.compare(b.lanes(), a.lanes()));
        return groups;
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
        if (!isLeaf(netlist, node)) {
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
        signature.append(operator(node)).append(Arrays.toString(operandPositions)).append(';');
        return position;
    }

    /**
     * Read from a slot rather than computed in the loop: inputs and state, constants, wide values and what
     * reads them, many-part concatenations, and slices (whose positions differ from lane to lane; scalar
     * code computes them into consecutive slots, which is cheap next to the operators that read them).
     */
    private static boolean isLeaf(FlatNetlist netlist, Node node) {
        if (node.isLeaf() || node instanceof Node.Constant || node instanceof Node.Slice || node.width() > 64) {
            return true;
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

    /** What a lane's node at a position must match in the other lanes: its operator and widths, not its operands. */
    private static String operator(Node node) {
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
        if (node instanceof Node.Copy y) {
            return "Y" + y.width();
        }
        return "L" + node.width();
    }

    /**
     * Groups that read another group's registers come before it, so that they fix its lane order; otherwise
     * the order of {@code groups} holds.
     */
    private static List<LaneGroup> readersFirst(FlatNetlist netlist, List<LaneGroup> groups) {
        Map<Integer, Integer> groupOfTarget = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int target : groups.get(g).targets()) {
                groupOfTarget.put(target, g);
            }
        }
        List<Set<Integer>> readersOf = new ArrayList<>();
        groups.forEach(g -> readersOf.add(new LinkedHashSet<>()));
        for (int g = 0; g < groups.size(); g++) {
            for (int input : groups.get(g).inputs(netlist)) {
                Integer read = groupOfTarget.get(input);
                if (read != null && read != g) {
                    readersOf.get(read).add(g);
                }
            }
        }
        boolean[] visited = new boolean[groups.size()];
        List<LaneGroup> order = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            readersThen(g, readersOf, visited, groups, order);
        }
        return order;
    }

    private static void readersThen(int g, List<Set<Integer>> readersOf, boolean[] visited, List<LaneGroup> groups,
                                    List<LaneGroup> order) {
        if (visited[g]) {
            return;
        }
        visited[g] = true;
        for (int reader : readersOf.get(g)) {
            readersThen(reader, readersOf, visited, groups, order);
        }
        order.add(groups.get(g));
    }

    // ---- placement: consecutive slots ----

    /** Blocks and places decided while trying one group, kept only if the whole group fits. */
    private final class Trial {
        final Map<Integer, int[]> places = new HashMap<>();
        final List<List<Integer>> newBlocks = new ArrayList<>();
        private int operandBlock = -1;

        int blockOf(int node) {
            int[] place = places.get(node);
            return place != null ? place[0] : LaneGroups.this.blockOf[node];
        }

        int placeOf(int node) {
            int[] place = places.get(node);
            return place != null ? place[1] : LaneGroups.this.placeOf[node];
        }

        /** Starts a block of the run's nodes, in order. */
        void newBlock(int[] run) {
            newBlocks.add(new ArrayList<>());
            append(newBlocks.size() - 1, run);
        }

        /**
         * Adds the run to the block of this group's operands, started at the first: runs read side by side (the
         * two halves of a tree level) then make up one block, as the group writing them will want them.
         */
        void appendOperands(int[] run) {
            if (operandBlock < 0) {
                newBlocks.add(new ArrayList<>());
                operandBlock = newBlocks.size() - 1;
            }
            append(operandBlock, run);
        }

        private void append(int newBlock, int[] run) {
            List<Integer> block = newBlocks.get(newBlock);
            for (int node : run) {
                places.put(node, new int[] {blocks.size() + newBlock, block.size()});
                block.add(node);
            }
        }

        /** Whether the run sits in one block, lane after lane; the block and first place, or null. */
        int[] consecutive(int[] run) {
            int block = blockOf(run[0]);
            if (block < 0) {
                return null;
            }
            for (int lane = 1; lane < run.length; lane++) {
                if (blockOf(run[lane]) != block || placeOf(run[lane]) != placeOf(run[0]) + lane) {
                    return null;
                }
            }
            return new int[] {block, placeOf(run[0])};
        }

        boolean noneInBlocks(int[] run) {
            for (int node : run) {
                if (blockOf(node) >= 0) {
                    return false;
                }
            }
            return Arrays.stream(run).distinct().count() == run.length;
        }
    }

    private void place(LaneGroup group) {
        Trial trial = new Trial();
        int[] order = laneOrder(group, trial);
        if (order == null) {
            return;
        }
        int[] targets = reorder(group.targets(), order);
        int[] targetPlace = trial.consecutive(targets);
        for (int p : group.reachedPositions()) {
            if (!group.isLaneOperand(netlist, p)) {
                continue;
            }
            int[] run = reorder(group.nodes()[p], order);
            if (Arrays.stream(run).anyMatch(n -> netlist.width(n) > 64)) {
                return;
            }
            if (trial.noneInBlocks(run)) {
                trial.appendOperands(run);
                continue;
            }
            int[] runPlace = trial.consecutive(run);
            if (runPlace == null || overlapsShifted(runPlace, targetPlace, run.length)) {
                return;
            }
        }
        commit(group, order, trial);
    }

    /** The lane order the group's registers allow: as found when none is in a block, by place when all are in one. */
    private int[] laneOrder(LaneGroup group, Trial trial) {
        int[] targets = group.targets();
        int lanes = targets.length;
        if (trial.noneInBlocks(targets)) {
            trial.newBlock(targets);
            return java.util.stream.IntStream.range(0, lanes).toArray();
        }
        Integer[] byPlace = new Integer[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            byPlace[lane] = lane;
        }
        Arrays.sort(byPlace, (a, b) -> Integer.compare(trial.placeOf(targets[a]), trial.placeOf(targets[b])));
        int[] order = Arrays.stream(byPlace).mapToInt(Integer::intValue).toArray();
        return trial.consecutive(reorder(targets, order)) == null ? null : order;
    }

    /**
     * Lanes that read registers of the same loop at other lanes would see values the loop has already
     * overwritten; reading each lane's own register (an accumulator) or registers elsewhere is safe.
     */
    private static boolean overlapsShifted(int[] run, int[] targets, int lanes) {
        return run[0] == targets[0] && run[1] != targets[1] && Math.abs(run[1] - targets[1]) < lanes;
    }

    private void commit(LaneGroup group, int[] order, Trial trial) {
        for (List<Integer> block : trial.newBlocks) {
            int b = blocks.size();
            for (int place = 0; place < block.size(); place++) {
                blockOf[block.get(place)] = b;
                placeOf[block.get(place)] = place;
            }
            blocks.add(block.stream().mapToInt(Integer::intValue).toArray());
        }
        int[][] nodes = new int[group.nodes().length][];
        for (int p = 0; p < nodes.length; p++) {
            nodes[p] = reorder(group.nodes()[p], order);
        }
        placed.add(new LaneGroup(reorder(group.targets(), order), nodes, group.operands(), group.enable(), group.reset()));
    }

    private static int[] reorder(int[] lanes, int[] order) {
        int[] reordered = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            reordered[i] = lanes[order[i]];
        }
        return reordered;
    }
}
