package dev.tern.sim.stimulus;

import dev.tern.sim.Port;
import dev.tern.sim.Simulator;
import dev.tern.sim.ops.WideOps;

/**
 * Seeded random inputs, reproducible by any harness that implements the same rule:
 * <ol>
 *   <li>The generator is SplitMix64 seeded with {@code seed}: each draw adds {@code 0x9E3779B97F4A7C15}
 *       to the state and returns the state mixed by
 *       {@code z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; z ^ (z >>> 31)}.</li>
 *   <li>Each cycle, every input port except {@code rst}, in the simulator's port order, takes
 *       {@code ceil(width / 64)} draws as its words, least significant first, the last one masked to the
 *       width.</li>
 *   <li>Then, in a clocked design, {@code rst} is 1 in cycle 0; after that, with {@code resetOneIn = 0}
 *       it stays 0, otherwise one more draw is taken and {@code rst} is 1 when that draw, unsigned,
 *       modulo {@code resetOneIn} is 0.</li>
 * </ol>
 */
public final class RandomStimulus implements Stimulus {
    private final long seed;
    private final int resetOneIn;
    private long state;
    private Simulator bound;
    private Port[] ports;
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
        for (int p = 0; p < ports.length; p++) {
            long[] w = words[p];
            for (int i = 0; i < w.length; i++) {
                w[i] = next();
            }
            w[w.length - 1] &= WideOps.topMask(ports[p].width());
            simulator.pokeWords(ports[p], w);
        }
        if (reset != null) {
            boolean high = cycle == 0 || (resetOneIn > 0 && Long.remainderUnsigned(next(), resetOneIn) == 0);
            simulator.poke(reset, high ? 1 : 0);
        }
    }

    private void bind(Simulator simulator) {
        reset = simulator.netlist().isClocked() ? simulator.port("rst") : null;
        ports = simulator.inputs().stream().filter(p -> p != reset).toArray(Port[]::new);
        words = new long[ports.length][];
        for (int p = 0; p < ports.length; p++) {
            words[p] = new long[WideOps.words(ports[p].width())];
        }
        bound = simulator;
    }
}
