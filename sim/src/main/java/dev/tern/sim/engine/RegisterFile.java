package dev.tern.sim.engine;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;

import java.util.ArrayList;
import java.util.List;

/**
 * The registers' update at a rising edge, in the value array: reset first, then enable. Registers of one
 * word are updated by one loop over their slots, wider ones by copying their words.
 */
final class RegisterFile {
    /** A wide register's slots; {@code enable} is -1 when it always loads, {@code reset} null without a reset value. */
    private record Wide(int state, int next, int enable, int words, long[] reset) {
    }

    private final int[] state;
    private final int[] next;
    /** -1 where the register always loads. */
    private final int[] enable;
    private final boolean[] hasReset;
    private final long[] resetValue;
    private final Wide[] wide;

    RegisterFile(FlatNetlist netlist, SlotLayout layout) {
        List<FlatNetlist.Register> narrow = new ArrayList<>();
        List<Wide> wideRegisters = new ArrayList<>();
        for (FlatNetlist.Register reg : netlist.registers()) {
            int words = WideOps.words(netlist.width(reg.state()));
            if (words == 1) {
                narrow.add(reg);
                continue;
            }
            long[] reset = null;
            if (reg.resetValue() != null) {
                reset = new long[words];
                PackedBits.store(reg.resetValue(), reset, 0);
            }
            wideRegisters.add(new Wide(layout.offset(reg.state()), layout.offset(reg.next()), enableSlot(reg, layout), words, reset));
        }
        int n = narrow.size();
        state = new int[n];
        next = new int[n];
        enable = new int[n];
        hasReset = new boolean[n];
        resetValue = new long[n];
        for (int i = 0; i < n; i++) {
            FlatNetlist.Register reg = narrow.get(i);
            state[i] = layout.offset(reg.state());
            next[i] = layout.offset(reg.next());
            enable[i] = enableSlot(reg, layout);
            hasReset[i] = reg.resetValue() != null;
            resetValue[i] = hasReset[i] ? reg.resetValue().toLong() : 0;
        }
        wide = wideRegisters.toArray(Wide[]::new);
    }

    private static int enableSlot(FlatNetlist.Register reg, SlotLayout layout) {
        return reg.enable() == FlatNetlist.NONE ? -1 : layout.offset(reg.enable());
    }

    /**
     * Loads every register from its next value, or its reset value when {@code reset}; next values are
     * never register slots (the flattener puts copies between), so the order does not matter.
     */
    void update(long[] v, boolean reset) {
        for (int i = 0; i < state.length; i++) {
            if (reset && hasReset[i]) {
                v[state[i]] = resetValue[i];
            } else if (enable[i] < 0 || v[enable[i]] != 0) {
                v[state[i]] = v[next[i]];
            }
        }
        for (Wide r : wide) {
            if (reset && r.reset != null) {
                System.arraycopy(r.reset, 0, v, r.state, r.words);
            } else if (r.enable < 0 || v[r.enable] != 0) {
                System.arraycopy(v, r.next, v, r.state, r.words);
            }
        }
    }
}
