package dev.tern.sim.engine;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.ops.WideOps;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of one cycle of a batch run ({@code Simulator.run}) for one direction: every top input port,
 * the reset first in a clocked design and then in declaration order, or every top output port in
 * declaration order; each port's packed words (least significant first) one after another. The one
 * definition of that order, shared by the simulator, the interpreter and the generated code.
 */
public final class PortFrame {
    /**
     * One port in the frame.
     *
     * @param offset  its first word within the frame
     * @param slot    its first word in the value array
     * @param words   {@code WideOps.words(width)}
     * @param topMask the bits of its last word that belong to it
     */
    public record Entry(String name, int node, int width, int offset, int slot, int words, long topMask) {
    }

    /** A stretch of the frame that is also one stretch of the value array: copied as one. */
    public record Run(int offset, int slot, int words) {
    }

    private final List<Entry> entries;
    private final List<Run> runs;
    /** The runs again, for the per-cycle copies. */
    private final Run[] runArray;
    private final int words;

    private PortFrame(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        List<Run> merged = new ArrayList<>();
        int total = 0;
        for (Entry e : entries) {
            Run last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.offset + last.words == e.offset && last.slot + last.words == e.slot) {
                merged.set(merged.size() - 1, new Run(last.offset, last.slot, last.words + e.words));
            } else {
                merged.add(new Run(e.offset, e.slot, e.words));
            }
            total += e.words;
        }
        this.runs = List.copyOf(merged);
        this.runArray = merged.toArray(Run[]::new);
        this.words = total;
    }

    /** The input frame: the reset of a clocked design, then the input ports in declaration order. */
    public static PortFrame inputs(FlatNetlist netlist, SlotLayout layout) {
        List<Entry> entries = new ArrayList<>();
        if (netlist.isClocked()) {
            add(entries, netlist.clocking().reset(), netlist.resetNode(), netlist, layout);
        }
        for (FlatNetlist.Port p : netlist.ports()) {
            if (p.isInput()) {
                add(entries, p.name(), p.node(), netlist, layout);
            }
        }
        return new PortFrame(entries);
    }

    /** The output frame: the output ports in declaration order. */
    public static PortFrame outputs(FlatNetlist netlist, SlotLayout layout) {
        List<Entry> entries = new ArrayList<>();
        for (FlatNetlist.Port p : netlist.ports()) {
            if (!p.isInput()) {
                add(entries, p.name(), p.node(), netlist, layout);
            }
        }
        return new PortFrame(entries);
    }

    private static void add(List<Entry> entries, String name, int node, FlatNetlist netlist, SlotLayout layout) {
        int offset = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).offset + entries.get(entries.size() - 1).words;
        int width = netlist.width(node);
        entries.add(new Entry(name, node, width, offset, layout.offset(node), WideOps.words(width), WideOps.topMask(width)));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The frame as few copies as possible: ports next to each other in both the frame and the value array merge. */
    public List<Run> runs() {
        return runs;
    }

    /** Words per cycle. */
    public int words() {
        return words;
    }

    /** Copies a frame at {@code from} in {@code frames} into the value array. */
    public void load(long[] frames, int from, long[] values) {
        for (Run r : runArray) {
            if (r.words == 1) {
                values[r.slot] = frames[from + r.offset];
            } else {
                System.arraycopy(frames, from + r.offset, values, r.slot, r.words);
            }
        }
    }

    /** Copies the value array's words of the frame's ports into {@code frames} at {@code to}. */
    public void store(long[] values, long[] frames, int to) {
        for (Run r : runArray) {
            if (r.words == 1) {
                frames[to + r.offset] = values[r.slot];
            } else {
                System.arraycopy(values, r.slot, frames, to + r.offset, r.words);
            }
        }
    }
}
