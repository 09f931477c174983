package dev.tern.sim.stimulus;

import dev.tern.sim.BatchLayout;
import dev.tern.sim.Port;
import dev.tern.sim.Simulator;
import dev.tern.sim.ops.WideOps;

/**
 * Seeded random inputs, reproducible by any harness that implements the same rule:
 * <ol>
 *   <li>The generator is SplitMix64 seeded with {@code seed}: each draw adds {@code 0x9E3779B97F4A7C15}
 *       to the state and returns the state mixed by
 *       {@code z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; z ^ (z >>> 31)}.</li>
 *   <li>Each cycle, every input port except the reset, in the simulator's port order, takes
 *       {@code ceil(width / 64)} draws as its words, least significant first, the last one masked to the
 *       width.</li>
 *   <li>Then, in a clocked design, the reset is asserted in cycle 0; after that, with {@code resetOneIn = 0}
 *       it stays released, otherwise one more draw is taken and the reset is asserted when that draw,
 *       unsigned, modulo {@code resetOneIn} is 0. Asserted means 1 on {@code rst} and 0 on an active-low
 *       reset such as {@code aresetn}.</li>
 * </ol>
 */
public final class RandomStimulus implements Stimulus {
    private final long seed;
    private final int resetOneIn;
    private long state;
    private Simulator bound;
    private Port[] ports;
    private int[] widths;
    private long[][] words;
    private Port reset;

    /**
     * @param resetOneIn 0 for a reset in the first cycle only, otherwise the odds (1 in this) of a reset in
     *                   each later cycle
     */
    public RandomStimulus(long seed, int resetOneIn) {
        if (resetOneIn < 0) {
            throw new IllegalArgumentException("resetOneIn must not be negative, got " + resetOneIn);
        }
        this.seed = seed;
        this.resetOneIn = resetOneIn;
        this.state = seed;
    }

    /** A reset in the first cycle, random data after. */
    public RandomStimulus(long seed) {
        this(seed, 0);
    }

    public long seed() {
        return seed;
    }

    /** The next SplitMix64 draw. */
    public long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void apply(Simulator simulator, long cycle) {
        if (bound != simulator) {
            bind(simulator);
        }
        boolean resetAsserted = nextCycle(cycle, reset != null, widths, words);
        for (int p = 0; p < ports.length; p++) {
            simulator.pokeWords(ports[p], words[p]);
        }
        if (reset != null) {
            simulator.poke(reset, simulator.netlist().clocking().resetLevel(resetAsserted));
        }
    }

    /**
     * Draws the inputs of cycle {@code cycle}: fills {@code words[p]} for the data input of width
     * {@code widths[p]} (see {@link #dataInputs}), then returns whether the reset is asserted (false,
     * without a draw, when the design is not clocked).
     */
    public boolean nextCycle(long cycle, boolean clocked, int[] widths, long[][] words) {
        for (int p = 0; p < widths.length; p++) {
            long[] w = words[p];
            for (int i = 0; i < w.length; i++) {
                w[i] = next();
            }
            w[w.length - 1] &= WideOps.topMask(widths[p]);
        }
        if (!clocked) {
            return false;
        }
        return cycle == 0 || (resetOneIn > 0 && Long.remainderUnsigned(next(), resetOneIn) == 0);
    }

    /**
     * The next {@code cycles} cycles (counted from 0) as the input frames of a batch run
     * ({@link Simulator#run(long[], long[])}, laid out by {@link Simulator#batchLayout()}).
     */
    public long[] frames(Simulator simulator, int cycles) {
        BatchLayout layout = simulator.batchLayout();
        Port reset = simulator.netlist().isClocked() ? simulator.resetPort() : null;
        Port[] data = dataInputs(simulator);
        int[] widths = new int[data.length];
        long[][] words = new long[data.length][];
        for (int p = 0; p < data.length; p++) {
            widths[p] = data[p].width();
            words[p] = new long[WideOps.words(widths[p])];
        }
        long[] frames = new long[Math.multiplyExact(cycles, layout.inputWords())];
        for (int c = 0; c < cycles; c++) {
            boolean resetAsserted = nextCycle(c, reset != null, widths, words);
            for (int p = 0; p < data.length; p++) {
                System.arraycopy(words[p], 0, frames, c * layout.inputWords() + layout.offset(data[p]), words[p].length);
            }
            if (reset != null) {
                layout.set(frames, c, reset, simulator.netlist().clocking().resetLevel(resetAsserted));
            }
        }
        return frames;
    }

    /** The inputs that take random data: all but the reset, in port order. */
    public static Port[] dataInputs(Simulator simulator) {
        Port reset = simulator.netlist().isClocked() ? simulator.resetPort() : null;
        return simulator.inputs().stream().filter(p -> p != reset).toArray(Port[]::new);
    }

    private void bind(Simulator simulator) {
        reset = simulator.netlist().isClocked() ? simulator.resetPort() : null;
        ports = dataInputs(simulator);
        widths = new int[ports.length];
        words = new long[ports.length][];
        for (int p = 0; p < ports.length; p++) {
            widths[p] = ports[p].width();
            words[p] = new long[WideOps.words(widths[p])];
        }
        bound = simulator;
    }
}
