package dev.tern.sim.stimulus;

import dev.tern.sim.Port;
import dev.tern.sim.Simulator;
import dev.tern.sim.ops.WideOps;

/**
 * Inputs drawn in advance and replayed, so that measuring a simulator does not measure the random
 * generator: row 0 (the reset cycle) once, then rows {@code 1 .. rows-1} over and over.
 */
public final class StimulusTable implements Stimulus {
    private final Port[] ports;
    private final Port reset;
    private final long[][][] words;
    private final boolean[] resets;
    private final Simulator simulator;

    private StimulusTable(Simulator simulator, Port[] ports, Port reset, long[][][] words, boolean[] resets) {
        this.simulator = simulator;
        this.ports = ports;
        this.reset = reset;
        this.words = words;
        this.resets = resets;
    }

    /** {@code rows} cycles of {@code random} for the data inputs of {@code simulator}. */
    public static StimulusTable record(Simulator simulator, RandomStimulus random, int rows) {
        if (rows < 2) {
            throw new IllegalArgumentException("a stimulus table needs at least 2 rows, got " + rows);
        }
        Port[] ports = RandomStimulus.dataInputs(simulator);
        int[] widths = new int[ports.length];
        for (int p = 0; p < ports.length; p++) {
            widths[p] = ports[p].width();
        }
        boolean clocked = simulator.netlist().isClocked();
        long[][][] words = new long[rows][ports.length][];
        boolean[] resets = new boolean[rows];
        for (int row = 0; row < rows; row++) {
            for (int p = 0; p < ports.length; p++) {
                words[row][p] = new long[WideOps.words(widths[p])];
            }
            resets[row] = random.nextCycle(row, clocked, widths, words[row]);
        }
        return new StimulusTable(simulator, ports, clocked ? simulator.port("rst") : null, words, resets);
    }

    /** The row replayed in {@code cycle}. */
    public int row(long cycle) {
        return cycle == 0 ? 0 : (int) (1 + (cycle - 1) % (words.length - 1));
    }

    @Override
    public void apply(Simulator sim, long cycle) {
        if (sim != simulator) {
            throw new IllegalArgumentException("this stimulus table was recorded for another simulator");
        }
        int row = row(cycle);
        long[][] values = words[row];
        for (int p = 0; p < ports.length; p++) {
            sim.pokeWords(ports[p], values[p]);
        }
        if (reset != null) {
            sim.poke(reset, resets[row] ? 1 : 0);
        }
    }
}
