package dev.tern.sim.compiler;

import dev.tern.sim.netlist.FlatNetlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which {@link LaneGroup}s of a design become loops and the slot blocks they need: each candidate
 * ({@link LaneCandidates}), readers before the groups whose registers they read, fixes the
 * order of its lanes and asks for its registers and its lane operands to be consecutive. A group whose
 * demands conflict with blocks already fixed stays scalar code. Reading a tree level's sums as the pairs of
 * the level below asks for that level's registers in the order evens then odds, which is then that group's
 * lane order: the blocks of a whole tree fit together.
 */
final class LaneGroups {
    private final FlatNetlist netlist;
    private final LoopLimits limits;
    /** For a node in a block: its block and its place there; -1 when in none. */
    private final int[] blockOf;
    private final int[] placeOf;
    private final List<int[]> blocks = new ArrayList<>();
    private final List<LaneGroup> placed = new ArrayList<>();
    /** For a register's state node: the candidate group it is a lane of; -1 when in none. */
    private final int[] candidateOf;
    /**
     * The block holding the lane fields of one value ({@link LaneFields#kind}), which later groups reading more of
     * those fields extend: all of a bus's fields in one block, in an order the extraction can vectorise
     * ({@link LaneFields}), rather than a block per group reading a few of them.
     */
    private final Map<String, Integer> fieldBlocks = new HashMap<>();

    private LaneGroups(FlatNetlist netlist, LoopLimits limits, List<LaneGroup> candidates) {
        this.netlist = netlist;
        this.limits = limits;
        blockOf = new int[netlist.nodes().size()];
        placeOf = new int[netlist.nodes().size()];
        candidateOf = new int[netlist.nodes().size()];
        Arrays.fill(blockOf, -1);
        Arrays.fill(candidateOf, -1);
        for (int c = 0; c < candidates.size(); c++) {
            for (int target : candidates.get(c).targets()) {
                candidateOf[target] = c;
            }
        }
    }

    /** The groups and blocks of slots for a design. */
    record Plan(List<LaneGroup> groups, List<int[]> blocks) {
        Plan {
            groups = List.copyOf(groups);
            blocks = List.copyOf(blocks);
        }
    }

    /** The plan for plain loops ({@link LoopLimits#PLAIN}). */
    static Plan of(FlatNetlist netlist) {
        return of(netlist, LoopLimits.PLAIN);
    }

    static Plan of(FlatNetlist netlist, LoopLimits limits) {
        List<LaneGroup> candidates = readersFirst(netlist, LaneCandidates.of(netlist, limits.minLanes()));
        LaneGroups finder = new LaneGroups(netlist, limits, candidates);
        for (LaneGroup candidate : candidates) {
            finder.place(candidate);
        }
        return new Plan(finder.placed, finder.blocks);
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
        /** For each new block, the fields it holds ({@link LaneFields#kind}), or null. */
        final List<String> newBlockFields = new ArrayList<>();
        /** Nodes added at the end of blocks already fixed, by block. */
        final Map<Integer, List<Integer>> appended = new HashMap<>();
        /**
         * The new block of this group's operands by what they are: lanes of one candidate group (an Integer,
         * -1 for none) or fields of one value ({@link LaneFields#kind}).
         */
        private final Map<Object, Integer> operandBlocks = new HashMap<>();

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
            newBlockFields.add(null);
            append(newBlocks.size() - 1, run);
        }

        /**
         * Adds the run to a block of this group's operands: runs read side by side that are registers of one
         * candidate group (the two halves of a tree level) make up one block, as that group writing them will want
         * them; registers of different groups (a lane's word and its sign flag) go to blocks of their own.
         */
        void appendOperands(int[] run) {
            String fields = LaneFields.kind(netlist, run[0]);
            Integer fixed = fields == null ? null : fieldBlocks.get(fields);
            if (fixed != null) {
                List<Integer> tail = appended.computeIfAbsent(fixed, b -> new ArrayList<>());
                for (int node : run) {
                    places.put(node, new int[] {fixed, blocks.get(fixed).length + tail.size()});
                    tail.add(node);
                }
                return;
            }
            int block = operandBlocks.computeIfAbsent(fields != null ? fields : (Object) candidateOf[run[0]], key -> {
                newBlocks.add(new ArrayList<>());
                newBlockFields.add(fields);
                return newBlocks.size() - 1;
            });
            append(block, run);
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
        if (!tryToPlace(group)) {
            partsByTargetRun(group).forEach(this::tryToPlace);
        }
    }

    /**
     * A group whose registers other groups have already put into several blocks or several runs of one block
     * (the sign flags of a matrix unit's rows, each row's tree reading its own; a row's lanes, which a loop over
     * all rows' adders reads interleaved with the other rows') as one group per run of consecutive slots, where
     * the run has enough lanes.
     */
    private List<LaneGroup> partsByTargetRun(LaneGroup group) {
        int[] targets = group.targets();
        Integer[] byPlace = new Integer[targets.length];
        for (int lane = 0; lane < targets.length; lane++) {
            if (blockOf[targets[lane]] < 0) {
                return List.of();
            }
            byPlace[lane] = lane;
        }
        Arrays.sort(byPlace, (a, b) -> blockOf[targets[a]] != blockOf[targets[b]]
                ? Integer.compare(blockOf[targets[a]], blockOf[targets[b]])
                : Integer.compare(placeOf[targets[a]], placeOf[targets[b]]));
        List<LaneGroup> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= byPlace.length; i++) {
            boolean runEnds = i == byPlace.length || blockOf[targets[byPlace[i]]] != blockOf[targets[byPlace[i - 1]]]
                    || placeOf[targets[byPlace[i]]] != placeOf[targets[byPlace[i - 1]]] + 1;
            if (runEnds) {
                if (i - start >= limits.minLanes() && i - start < byPlace.length) {
                    parts.add(group.lanes(Arrays.stream(byPlace, start, i).mapToInt(Integer::intValue).toArray()));
                }
                start = i;
            }
        }
        return parts;
    }

    /** Places the group as a loop if its blocks fit with those already fixed; whether it did. */
    private boolean tryToPlace(LaneGroup group) {
        Trial trial = new Trial();
        int[] order = laneOrder(group, trial);
        if (order == null) {
            return false;
        }
        int[] targets = reorder(group.targets(), order);
        int[] targetPlace = trial.consecutive(targets);
        for (int p : group.reachedPositions()) {
            if (!group.isLaneOperand(netlist, p)) {
                continue;
            }
            int[] run = reorder(group.nodes()[p], order);
            if (Arrays.stream(run).anyMatch(n -> netlist.width(n) > 64)) {
                return false;
            }
            if (trial.noneInBlocks(run)) {
                trial.appendOperands(run);
                continue;
            }
            int[] runPlace = trial.consecutive(run);
            if (runPlace == null || overlapsShifted(runPlace, targetPlace, run.length)) {
                return false;
            }
        }
        commit(split(group, order, trial), order, trial);
        return true;
    }

    /**
     * The group as several loops when its expression is long and the values passed between them can take
     * consecutive slots of their own; otherwise as it is.
     */
    private LaneGroup split(LaneGroup group, int[] order, Trial trial) {
        LaneGroup split = group.splitInto(limits.maxOperators());
        boolean[] materialised = split.materialised();
        List<int[]> runs = new ArrayList<>();
        for (int p = 0; p < materialised.length; p++) {
            if (materialised[p]) {
                int[] run = reorder(group.nodes()[p], order);
                if (!trial.noneInBlocks(run)) {
                    return group;
                }
                runs.add(run);
            }
        }
        runs.forEach(trial::newBlock);
        return split;
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
        for (Map.Entry<Integer, List<Integer>> tail : trial.appended.entrySet()) {
            int b = tail.getKey();
            int length = blocks.get(b).length;
            int[] grown = Arrays.copyOf(blocks.get(b), length + tail.getValue().size());
            for (int i = length; i < grown.length; i++) {
                grown[i] = tail.getValue().get(i - length);
                blockOf[grown[i]] = b;
                placeOf[grown[i]] = i;
            }
            blocks.set(b, grown);
        }
        for (int n = 0; n < trial.newBlocks.size(); n++) {
            List<Integer> block = trial.newBlocks.get(n);
            int b = blocks.size();
            for (int place = 0; place < block.size(); place++) {
                blockOf[block.get(place)] = b;
                placeOf[block.get(place)] = place;
            }
            blocks.add(block.stream().mapToInt(Integer::intValue).toArray());
            if (trial.newBlockFields.get(n) != null) {
                fieldBlocks.put(trial.newBlockFields.get(n), b);
            }
        }
        int[][] nodes = new int[group.nodes().length][];
        for (int p = 0; p < nodes.length; p++) {
            nodes[p] = reorder(group.nodes()[p], order);
        }
        placed.add(new LaneGroup(reorder(group.targets(), order), nodes, group.operands(), group.enable(), group.reset(),
                group.loopEnds()));
    }

    private static int[] reorder(int[] lanes, int[] order) {
        int[] reordered = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            reordered[i] = lanes[order[i]];
        }
        return reordered;
    }
}
