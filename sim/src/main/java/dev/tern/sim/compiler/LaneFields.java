package dev.tern.sim.compiler;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocks of lane operands that are equal-width fields of one packed value (a bus of activations or weight
 * codes), extracted by vector loops instead of one shift, mask and store per lane.
 *
 * <p>A block's order is the one its loops asked for (a tree's levels ask for their lanes in an interleaved
 * order), so lane {@code s} of the block generally does not sit at bit {@code s * width}. But wherever the
 * block splits into {@code runs} of {@code chunk} slots such that slot {@code r * chunk + t} holds the field at
 * bit {@code windowStart[t] + runShift[r]}, with every run's fields inside a 64-bit window starting at
 * {@code windowStart[t]}, the extraction is {@code chunk} scalar reads of those windows and then, for each run,
 * one loop over {@code t} of a constant shift and mask: what C2 vectorises. The fields of a tree's lanes, which
 * are read level by level as evens then odds, decompose so; a block that does not stays scalar code.
 *
 * @param bus         the packed value the fields are slices of
 * @param width       the fields' width
 * @param nodes       the block: the slice nodes in slot order
 * @param windowStart for each place {@code t} in a run, the bit where its 64-bit window starts
 * @param runShift    for each run, the shift of its fields inside the windows
 */
record LaneFields(int bus, int width, int[] nodes, int[] windowStart, int[] runShift) {
    /** Fewer places per run than this is no vector: a loop of fewer iterations stays scalar after unrolling. */
    static final int MIN_CHUNK = 8;

    int chunk() {
        return windowStart.length;
    }

    /**
     * The extractable parts of {@code blocks}: runs of consecutive slots holding fields of one width of one
     * value (a loop's block of lane operands holds one run per operand, side by side).
     */
    static List<LaneFields> of(FlatNetlist netlist, List<int[]> blocks) {
        List<LaneFields> found = new ArrayList<>();
        for (int[] block : blocks) {
            int start = 0;
            while (start < block.length) {
                int end = start + 1;
                while (end < block.length && sameKind(netlist, block[start], block[end])) {
                    end++;
                }
                LaneFields fields = of(netlist, Arrays.copyOfRange(block, start, end));
                if (fields != null) {
                    found.add(fields);
                }
                start = end;
            }
        }
        return found;
    }

    private static boolean sameKind(FlatNetlist netlist, int a, int b) {
        return netlist.node(a) instanceof Node.Slice x && netlist.node(b) instanceof Node.Slice y
                && x.operand() == y.operand() && x.width() == y.width();
    }

    /** The decomposition of a run of slices of one value, or null when it has none. */
    private static LaneFields of(FlatNetlist netlist, int[] run) {
        if (!(netlist.node(run[0]) instanceof Node.Slice first) || first.width() >= 64) {
            return null;
        }
        int[] low = new int[run.length];
        for (int s = 0; s < run.length; s++) {
            low[s] = ((Node.Slice) netlist.node(run[s])).low();
        }
        for (int chunk = MIN_CHUNK; 2 * chunk <= run.length; chunk *= 2) {
            if (run.length % chunk == 0) {
                LaneFields fields = decompose(first.operand(), first.width(), run, low, chunk);
                if (fields != null) {
                    return fields;
                }
            }
        }
        return null;
    }

    /** The decomposition into runs of {@code chunk} places, or null when the fields do not fall into one. */
    private static LaneFields decompose(int bus, int width, int[] block, int[] low, int chunk) {
        int runs = block.length / chunk;
        int[] runShift = new int[runs];
        int lowest = 0;
        for (int r = 0; r < runs; r++) {
            runShift[r] = low[r * chunk] - low[0];
            lowest = Math.min(lowest, runShift[r]);
        }
        int[] windowStart = new int[chunk];
        for (int t = 0; t < chunk; t++) {
            windowStart[t] = low[t] + lowest;
        }
        for (int r = 0; r < runs; r++) {
            runShift[r] -= lowest;
            if (runShift[r] + width > 64) {
                return null;
            }
            for (int t = 0; t < chunk; t++) {
                if (low[r * chunk + t] != windowStart[t] + runShift[r]) {
                    return null;
                }
            }
        }
        return new LaneFields(bus, width, block, windowStart, runShift);
    }

    /**
     * The rising edge's steps with each extractable block's slices computed by one {@link Step.Fields}, where
     * the first of them was: every slice was scheduled before the bus could change and before its readers,
     * so the first place is early enough for all of them.
     */
    static List<Step> inEdge(List<Step> steps, List<LaneFields> extractions) {
        Map<Integer, LaneFields> extractionOf = new HashMap<>();
        for (LaneFields fields : extractions) {
            for (int node : fields.nodes) {
                extractionOf.put(node, fields);
            }
        }
        List<Step> result = new ArrayList<>(steps.size());
        Set<LaneFields> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Step step : steps) {
            LaneFields fields = step instanceof Step.Compute compute ? extractionOf.get(compute.node()) : null;
            if (fields == null) {
                result.add(step);
            } else if (done.add(fields)) {
                result.add(new Step.Fields(fields));
            }
        }
        return result;
    }
}
