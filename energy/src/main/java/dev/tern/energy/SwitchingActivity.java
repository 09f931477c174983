package dev.tern.energy;

import java.util.List;

/**
 * Switching activity of the ternary design measured in simulation: for each stimulus (real model
 * activations, uniformly random INT8) and group of signals (an adder-tree level), how often their bits
 * flipped. Reported beside the energies because the per-action figures assume an average activity;
 * real activations toggle less than random ones, which is where the figures overstate.
 *
 * @param design what was simulated (configuration and matmul shape)
 * @param rows   one per stimulus and signal group
 */
public record SwitchingActivity(String design, List<Row> rows) {

    public SwitchingActivity {
        if (design == null || design.isBlank()) {
            throw new IllegalArgumentException("switching activity needs the design it was measured on");
        }
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("switching activity of " + design + " has no rows");
        }
    }

    /**
     * @param stimulus what fed the design ({@code real}, {@code random})
     * @param signals  the group of signals counted ({@code tree level 1}, {@code accumulators})
     * @param bits     the bits of the group together
     * @param cycles   cycles observed; the first is the reference, so there are {@code cycles - 1} transitions
     * @param toggles  bit flips of the group over the cycles
     */
    public record Row(String stimulus, String signals, long bits, long cycles, long toggles) {
        public Row {
            if (bits <= 0 || cycles < 2 || toggles < 0) {
                throw new IllegalArgumentException("activity row " + stimulus + " / " + signals + ": needs bits > 0,"
                        + " at least 2 cycles and no negative toggles, got " + bits + ", " + cycles + ", " + toggles);
            }
        }

        /** Toggles per bit per cycle transition, 0 (still) to 1 (every bit flips every cycle). */
        public double toggleRate() {
            return (double) toggles / ((double) bits * (cycles - 1));
        }
    }
}
