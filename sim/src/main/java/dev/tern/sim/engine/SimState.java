package dev.tern.sim.engine;

import dev.tern.sim.SimulationException;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;
import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;

/**
 * The storage of one simulation: the value array laid out by a {@link SlotLayout} (with constant slots
 * filled in once) and the memories at their initial contents.
 */
public final class SimState {
    private final long[] values;
    private final MemoryStore[] memories;

    private SimState(long[] values, MemoryStore[] memories) {
        this.values = values;
        this.memories = memories;
    }

    /** @throws SimulationException when the memories do not fit a Java array or the heap */
    public static SimState allocate(FlatNetlist netlist, SlotLayout layout) {
        long bytes = 8L * layout.words();
        for (FlatNetlist.Memory m : netlist.memories()) {
            if ((long) m.depth() * WideOps.words(m.width()) > Integer.MAX_VALUE - 8) {
                throw new SimulationException("memory " + m.name() + " of " + netlist.name() + " (" + m.depth() + " words of "
                        + m.width() + " bits) is larger than the simulator can hold in one Java array");
            }
            bytes += MemoryStore.bytesFor(m.width(), m.depth());
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > free) {
            throw new SimulationException("simulating " + netlist.name() + " needs " + (bytes >> 20) + " MiB for its values and memories, but only "
                    + (free >> 20) + " MiB of Java heap is free; raise it with -Xmx");
        }
        long[] values = new long[layout.words()];
        for (int i = 0; i < netlist.nodes().size(); i++) {
            if (layout.hasSlot(i) && netlist.node(i) instanceof Node.Constant c) {
                PackedBits.store(c.value(), values, layout.offset(i));
            }
        }
        MemoryStore[] memories = new MemoryStore[netlist.memories().size()];
        for (int i = 0; i < memories.length; i++) {
            FlatNetlist.Memory m = netlist.memories().get(i);
            memories[i] = MemoryStore.allocate(m.width(), m.depth(), m.init());
        }
        return new SimState(values, memories);
    }

    public long[] values() {
        return values;
    }

    public MemoryStore[] memories() {
        return memories;
    }
}
