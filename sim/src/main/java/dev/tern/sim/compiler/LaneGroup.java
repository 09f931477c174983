package dev.tern.sim.compiler;

import dev.tern.hdl.ir.Bits;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers that a rising edge updates in one counted loop, one iteration per lane: their next values are
 * the same expression (the same operators, widths and constants) of different operands, their enable and
 * reset value are the same, and each register and each operand that differs from lane to lane sits in
 * consecutive slots, lane by lane ({@link LaneGroups} arranges that). A loop over contiguous slots is what
 * HotSpot's C2 turns into vector instructions (the adders of one tree level, the selects of many lanes).
 *
 * <p>Each lane's expression is a small graph of positions, operands first, the last position being the next
 * value. A position is a leaf (a value read from a slot: an input, a state value, a slice, a wide value's part)
 * or an operator computed inside the loop; a position whose node is the same in every lane is
 * loop-invariant and read once, as scalar code computes it.
 *
 * <p>A long expression is computed by several loops, one after the other ({@code loopEnds}): C2 unrolls and
 * vectorises a loop only while its unrolled body stays small, and one loop over a whole two-level adder is several
 * times slower per lane than three loops over its parts. A value one loop computes and a later one reads is
 * {@linkplain #materialised() materialised}: written to its nodes' slots, which are consecutive, lane by lane.
 *
 * @param targets  the state nodes of the registers, lane by lane
 * @param nodes    {@code nodes[p][lane]}: the node at position {@code p} of the lane's expression
 * @param operands {@code operands[p]}: the positions of the operands of an operator, empty for a leaf
 * @param enable   the registers' common enable, or {@link FlatNetlist#NONE}
 * @param reset    their common reset value, or null
 * @param loopEnds the positions after which one loop ends and the next begins, ascending; empty for one loop
 */
record LaneGroup(int[] targets, int[][] nodes, int[][] operands, int enable, Bits reset, int[] loopEnds) {

    LaneGroup(int[] targets, int[][] nodes, int[][] operands, int enable, Bits reset) {
        this(targets, nodes, operands, enable, reset, new int[0]);
    }

    int lanes() {
        return targets.length;
    }

    int root() {
        return nodes.length - 1;
    }

    boolean isLeaf(int position) {
        return operands[position].length == 0;
    }

    /** The same node in every lane: computed (or read) once, outside the loop. */
    boolean isInvariant(int position) {
        int[] lane = nodes[position];
        for (int node : lane) {
            if (node != lane[0]) {
                return false;
            }
        }
        return true;
    }

    /** The positions the loop body reads or computes: those reached from the root without passing an invariant one. */
    List<Integer> reachedPositions() {
        boolean[] reached = new boolean[nodes.length];
        reached[root()] = true;
        List<Integer> order = new ArrayList<>();
        for (int p = root(); p >= 0; p--) {
            if (!reached[p]) {
                continue;
            }
            if (!isInvariant(p)) {
                for (int operand : operands[p]) {
                    reached[operand] = true;
                }
            }
        }
        for (int p = 0; p < nodes.length; p++) {
            if (reached[p]) {
                order.add(p);
            }
        }
        return order;
    }

    /** Positions computed inside the loop: reached, neither a leaf nor invariant. */
    private boolean isComputed(int position, boolean[] reached) {
        return reached[position] && !isLeaf(position) && !isInvariant(position);
    }

    private boolean[] reached() {
        boolean[] reached = new boolean[nodes.length];
        reachedPositions().forEach(p -> reached[p] = true);
        return reached;
    }

    /**
     * The same group computed by loops of at most {@code maxOperators} operators each: a loop ends once it has
     * that many, at a position in operands-first order (a finished subexpression), unless the rest is short.
     */
    LaneGroup splitInto(int maxOperators) {
        boolean[] reached = reached();
        List<Integer> ends = new ArrayList<>();
        int inLoop = 0;
        int remaining = 0;
        for (int p = 0; p < nodes.length; p++) {
            remaining += isComputed(p, reached) ? 1 : 0;
        }
        for (int p = 0; p < root(); p++) {
            if (!isComputed(p, reached)) {
                continue;
            }
            inLoop++;
            remaining--;
            if (inLoop >= maxOperators && remaining > maxOperators / 2) {
                ends.add(p);
                inLoop = 0;
            }
        }
        return new LaneGroup(targets, nodes, operands, enable, reset, ends.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The group of some of these lanes, in the order given. */
    LaneGroup lanes(int[] laneIndexes) {
        int[] someTargets = new int[laneIndexes.length];
        int[][] someNodes = new int[nodes.length][laneIndexes.length];
        for (int i = 0; i < laneIndexes.length; i++) {
            someTargets[i] = targets[laneIndexes[i]];
            for (int p = 0; p < nodes.length; p++) {
                someNodes[p][i] = nodes[p][laneIndexes[i]];
            }
        }
        return new LaneGroup(someTargets, someNodes, operands, enable, reset, loopEnds);
    }

    /** The index of the loop that computes a position: the number of loop ends before it. */
    int loopOf(int position) {
        int loop = 0;
        while (loop < loopEnds.length && loopEnds[loop] < position) {
            loop++;
        }
        return loop;
    }

    /** Positions computed by one loop and read by a later one, whose values therefore live in slots. */
    boolean[] materialised() {
        boolean[] reached = reached();
        boolean[] materialised = new boolean[nodes.length];
        for (int p = 0; p < nodes.length; p++) {
            if (!isComputed(p, reached)) {
                continue;
            }
            for (int operand : operands[p]) {
                if (isComputed(operand, reached) && loopOf(operand) < loopOf(p)) {
                    materialised[operand] = true;
                }
            }
        }
        return materialised;
    }

    /** A position read from consecutive slots, one per lane: a leaf that differs between lanes and is not a constant. */
    boolean isLaneOperand(FlatNetlist netlist, int position) {
        return isLeaf(position) && !isInvariant(position) && !(netlist.node(nodes[position][0]) instanceof Node.Constant);
    }

    /** Every node the loop reads from outside itself: invariant values, lane operands and the enable. */
    int[] inputs(FlatNetlist netlist) {
        Set<Integer> inputs = new LinkedHashSet<>();
        for (int p : reachedPositions()) {
            if (isInvariant(p)) {
                inputs.add(nodes[p][0]);
            } else if (isLaneOperand(netlist, p)) {
                for (int node : nodes[p]) {
                    inputs.add(node);
                }
            }
        }
        if (enable != FlatNetlist.NONE) {
            inputs.add(enable);
        }
        return inputs.stream().mapToInt(Integer::intValue).toArray();
    }
}
