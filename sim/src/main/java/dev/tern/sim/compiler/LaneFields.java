package dev.tern.sim.compiler;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lane operands that are equal-width fields of one packed value (a bus of activations or weight codes),
 * extracted by vector loops instead of one shift, mask and store per lane.
 *
 * <p>A block's order is the one its loops asked for (a tree's levels ask for their lanes in an interleaved
 * order), so slot {@code s} of a block generally does not hold the field at bit {@code s * width}. But wherever
 * the block splits into runs of {@code chunk} slots such that place {@code t} of run {@code r} holds the field
 * at bit {@code windowStart[t] + runShift[r]}, the extraction is {@code chunk} scalar reads of 64-bit windows
 * starting at those bits and then one loop over {@code t} that takes each run's field from the window with a
 * constant shift and mask. C2 vectorises that loop when it has more than 16 places; a shorter one it unrolls
 * into straight code, which still reads the bus once per window rather than once per field (on the 64-lane
 * tree, 128 fields from 32 windows take about a third of the time the per-lane extraction did). Runs whose
 * shifts are more than a window apart (the rows of a
 * matrix unit, each reading its own part of a weight word) need windows of their own: each set of runs that
 * fits one set of windows is one {@code LaneFields}. The fields of a tree's lanes, read level by level as
 * evens then odds, decompose so; a block that does not stays scalar code.
 *
 * @param bus         the packed value the fields are slices of
 * @param width       the fields' width
 * @param runs        {@code runs[r][t]}: the slice node at place {@code t} of run {@code r}; a run's nodes
 *                    sit in consecutive slots
 * @param windowStart for each place, the bit where its window starts
 * @param runShift    for each run, the shift of its fields inside the windows
 */
record LaneFields(int bus, int width, int[][] runs, int[] windowStart, int[] runShift) {
    /** Fewer places per run than this save too few bus reads to pay for the windows. */
    static final int MIN_CHUNK = 8;
    /** Fewer runs per window than this save nothing: the windows cost as much as extracting each field. */
    static final int MIN_RUNS = 2;

    int chunk() {
        return windowStart.length;
    }

    /**
     * The extractable parts of {@code blocks}: in each block, the runs of consecutive slots that hold fields of
     * one width of one value, taken together wherever they sit (a loop over several rows reads each row's fields
     * as a run, the rows' runs side by side).
     */
    static List<LaneFields> of(FlatNetlist netlist, List<int[]> blocks) {
        List<LaneFields> found = new ArrayList<>();
        for (int[] block : blocks) {
            Map<String, List<int[]>> segmentsByKind = new LinkedHashMap<>();
            int start = 0;
            while (start < block.length) {
                int end = start + 1;
                String kind = kind(netlist, block[start]);
                while (end < block.length && kind != null && kind.equals(kind(netlist, block[end]))) {
                    end++;
                }
                if (kind != null) {
                    segmentsByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(Arrays.copyOfRange(block, start, end));
                }
                start = end;
            }
            for (List<int[]> segments : segmentsByKind.values()) {
                found.addAll(ofSegments(netlist, segments));
            }
        }
        return found;
    }

    /** Which value's fields of which width a node is, for a narrow slice; null otherwise. */
    static String kind(FlatNetlist netlist, int node) {
        return netlist.node(node) instanceof Node.Slice s && s.width() < 64 ? s.operand() + ":" + s.width() : null;
    }

    /** The decomposition needing the fewest windows (then the fewest loops) of segments of one kind, or none. */
    private static List<LaneFields> ofSegments(FlatNetlist netlist, List<int[]> segments) {
        Node.Slice first = (Node.Slice) netlist.node(segments.get(0)[0]);
        int shortest = segments.stream().mapToInt(segment -> segment.length).min().orElseThrow();
        List<LaneFields> best = List.of();
        int bestWindows = Integer.MAX_VALUE;
        for (int chunk = MIN_CHUNK; chunk <= shortest; chunk *= 2) {
            List<int[]> runs = new ArrayList<>();
            for (int[] segment : segments) {
                if (segment.length % chunk != 0) {
                    runs = null;
                    break;
                }
                for (int r = 0; r < segment.length; r += chunk) {
                    runs.add(Arrays.copyOfRange(segment, r, r + chunk));
                }
            }
            if (runs == null || runs.size() < MIN_RUNS) {
                continue;
            }
            List<LaneFields> fields = decompose(netlist, first.operand(), first.width(), runs);
            int windows = fields.size() * chunk;
            if (!fields.isEmpty() && windows <= bestWindows) {
                best = fields;
                bestWindows = windows;
            }
        }
        return best;
    }

    /**
     * Runs with one pattern of bits, sorted by shift and cut into sets whose shifts span at most a window;
     * none unless every set has enough runs.
     */
    private static List<LaneFields> decompose(FlatNetlist netlist, int bus, int width, List<int[]> runs) {
        int chunk = runs.get(0).length;
        int[][] low = new int[runs.size()][chunk];
        for (int r = 0; r < runs.size(); r++) {
            for (int t = 0; t < chunk; t++) {
                low[r][t] = ((Node.Slice) netlist.node(runs.get(r)[t])).low();
                if (low[r][t] - low[r][0] != low[0][t] - low[0][0]) {
                    return List.of();
                }
            }
        }
        Integer[] byShift = new Integer[runs.size()];
        for (int r = 0; r < byShift.length; r++) {
            byShift[r] = r;
        }
        Arrays.sort(byShift, (a, b) -> Integer.compare(low[a][0], low[b][0]));
        List<LaneFields> found = new ArrayList<>();
        int from = 0;
        while (from < byShift.length) {
            int base = low[byShift[from]][0];
            int to = from;
            while (to < byShift.length && low[byShift[to]][0] - base + width <= 64) {
                to++;
            }
            if (to - from < MIN_RUNS) {
                return List.of();
            }
            found.add(windowSet(bus, width, runs, low, Arrays.copyOfRange(byShift, from, to)));
            from = to;
        }
        return found;
    }

    private static LaneFields windowSet(int bus, int width, List<int[]> runs, int[][] low, Integer[] inSet) {
        int[] lowest = low[inSet[0]];
        int[][] setRuns = new int[inSet.length][];
        int[] runShift = new int[inSet.length];
        for (int i = 0; i < inSet.length; i++) {
            setRuns[i] = runs.get(inSet[i]);
            runShift[i] = low[inSet[i]][0] - lowest[0];
        }
        return new LaneFields(bus, width, setRuns, lowest.clone(), runShift);
    }

    /**
     * The rising edge's steps with each extractable block's slices computed by one {@link Step.Fields}, where
     * the first of them was: every slice was scheduled before the bus could change and before its readers,
     * so the first place is early enough for all of them.
     */
    static List<Step> inEdge(List<Step> steps, List<LaneFields> extractions) {
        Map<Integer, LaneFields> extractionOf = new HashMap<>();
        for (LaneFields fields : extractions) {
            for (int[] run : fields.runs) {
                for (int node : run) {
                    extractionOf.put(node, fields);
                }
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
