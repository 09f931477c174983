package dev.tern.sim.activity;

import dev.tern.hdl.ir.HwType;

/**
 * The switching activity of one named signal over the observed cycles, bit by bit (bit 0 first).
 *
 * @param path       the hierarchical name ({@code core.row0.terms.level1_sum0})
 * @param type       the signal's type
 * @param toggles    per bit, the cycles whose value differs from the cycle before
 * @param highCycles per bit, the observed cycles in which it is 1
 */
public record SignalActivity(String path, HwType type, long[] toggles, long[] highCycles) {

    public SignalActivity {
        if (toggles.length != type.width() || highCycles.length != type.width()) {
            throw new IllegalArgumentException(path + ": " + type.width() + " bits, counts for " + toggles.length);
        }
        toggles = toggles.clone();
        highCycles = highCycles.clone();
    }

    public int width() {
        return type.width();
    }

    public long toggles(int bit) {
        return toggles[bit];
    }

    public long highCycles(int bit) {
        return highCycles[bit];
    }

    /** Bit flips of all bits together. */
    public long totalToggles() {
        long sum = 0;
        for (long t : toggles) {
            sum += t;
        }
        return sum;
    }
}
