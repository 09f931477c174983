package dev.tern.sim.engine;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.ops.WideOps;

import java.util.Arrays;
import java.util.List;

/**
 * Where each node that keeps its value between evaluations lives in the value array: its first word,
 * with {@code WideOps.words(width)} words in all. Nodes without a slot exist only inside generated code.
 */
public final class SlotLayout {
    private final int[] offsets;
    private final int words;

    private SlotLayout(int[] offsets, int words) {
        this.offsets = offsets;
        this.words = words;
    }

    /** Slots for the nodes marked in {@code needsSlot}, in node order. */
    public static SlotLayout assign(FlatNetlist netlist, boolean[] needsSlot) {
        return assign(netlist, needsSlot, List.of());
    }

    /**
     * Slots for the nodes marked in {@code needsSlot}: first each block's nodes (narrow ones, each in one
     * word) in consecutive slots in the block's order, so that a loop can walk them; then the others in node order.
     */
    public static SlotLayout assign(FlatNetlist netlist, boolean[] needsSlot, List<int[]> blocks) {
        int[] offsets = new int[netlist.nodes().size()];
        Arrays.fill(offsets, -1);
        long next = 0;
        for (int[] block : blocks) {
            for (int node : block) {
                if (offsets[node] >= 0 || netlist.width(node) > 64) {
                    throw new IllegalStateException("node " + node + " cannot take the next slot of a block");
                }
                offsets[node] = (int) next++;
            }
        }
        for (int i = 0; i < offsets.length; i++) {
            if (needsSlot[i] && offsets[i] < 0) {
                offsets[i] = (int) next;
                next += WideOps.words(netlist.width(i));
                if (next > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("design " + netlist.name() + " has more values than one Java array holds");
                }
            }
        }
        return new SlotLayout(offsets, (int) next);
    }

    /** The slots every engine keeps: inputs and state, named signals and top ports, which the simulator reads. */
    public static boolean[] named(FlatNetlist netlist) {
        boolean[] needed = new boolean[netlist.nodes().size()];
        for (int i = 0; i < needed.length; i++) {
            needed[i] = netlist.node(i).isLeaf();
        }
        netlist.signals().forEach(s -> needed[s.node()] = true);
        netlist.ports().forEach(p -> needed[p.node()] = true);
        return needed;
    }

    public boolean hasSlot(int node) {
        return offsets[node] >= 0;
    }

    /** The first word of the node's slot. */
    public int offset(int node) {
        int offset = offsets[node];
        if (offset < 0) {
            throw new IllegalStateException("node " + node + " has no slot");
        }
        return offset;
    }

    /** Length of the value array. */
    public int words() {
        return words;
    }
}
