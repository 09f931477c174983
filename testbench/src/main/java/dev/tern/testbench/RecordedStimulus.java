package dev.tern.testbench;

import dev.tern.sim.CycleObserver;
import dev.tern.sim.Port;
import dev.tern.sim.Simulator;
import dev.tern.sim.ops.WideOps;
import dev.tern.sim.stimulus.Stimulus;

import java.util.ArrayList;
import java.util.List;

/**
 * The inputs a simulator was given, cycle by cycle, recorded while a driver ran it, and replayable as a
 * {@link Stimulus} on another simulator of the same design: so that whatever a driver does through the
 * ports (handshakes that wait for ready, consumers that stall) can be cosimulated cycle for cycle.
 *
 * <p>Attach it before the driver's first edge ({@link #attach}); every input, {@code rst} included, is
 * copied just before each rising edge. Replaying cycle {@code c} pokes the inputs that cycle {@code c} of
 * the recording ended with, so a replay of {@link #cycles()} cycles repeats the recorded run exactly; past
 * the end the last recorded inputs hold, so recordings of different lengths can share one cosimulation run.
 */
public final class RecordedStimulus implements Stimulus, CycleObserver {
    private final List<Port> recordedPorts;
    private final List<String> names = new ArrayList<>();
    private final int[] words;
    private final List<long[][]> rows = new ArrayList<>();
    private Simulator replayedOn;
    private Port[] replayPorts;

    private RecordedStimulus(Simulator recorded) {
        recordedPorts = recorded.inputs();
        words = new int[recordedPorts.size()];
        for (int p = 0; p < words.length; p++) {
            names.add(recordedPorts.get(p).name());
            words[p] = WideOps.words(recordedPorts.get(p).width());
        }
    }

    /** Starts recording the inputs of {@code simulator} at its next edge. */
    public static RecordedStimulus attach(Simulator simulator) {
        RecordedStimulus recording = new RecordedStimulus(simulator);
        simulator.addObserver(recording);
        return recording;
    }

    @Override
    public void beforeEdge(Simulator simulator) {
        long[][] row = new long[words.length][];
        for (int p = 0; p < words.length; p++) {
            row[p] = new long[words[p]];
            simulator.peekWords(recordedPorts.get(p), row[p], 0);
        }
        rows.add(row);
    }

    /** Cycles recorded so far. */
    public int cycles() {
        return rows.size();
    }

    /**
     * Pokes the inputs recorded for {@code cycle}, or the last recorded ones past the end.
     *
     * @throws IllegalStateException when nothing was recorded
     */
    @Override
    public void apply(Simulator simulator, long cycle) {
        if (rows.isEmpty()) {
            throw new IllegalStateException("nothing to replay: no edge was recorded");
        }
        if (simulator != replayedOn) {
            replayPorts = new Port[names.size()];
            for (int p = 0; p < replayPorts.length; p++) {
                replayPorts[p] = simulator.port(names.get(p));
            }
            replayedOn = simulator;
        }
        long[][] row = rows.get((int) Math.min(cycle, rows.size() - 1));
        for (int p = 0; p < replayPorts.length; p++) {
            simulator.pokeWords(replayPorts[p], row[p]);
        }
    }
}
