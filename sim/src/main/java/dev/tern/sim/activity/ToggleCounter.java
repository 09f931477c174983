package dev.tern.sim.activity;

import dev.tern.sim.CycleObserver;
import dev.tern.sim.Probe;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.ops.WideOps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Counts, for each selected named signal and each of its bits, how often it flips from one cycle to
 * the next and in how many cycles it is 1: the switching activity power tools take (see
 * {@link SaifWriter}). Values are sampled where the edge samples them, just before each rising edge,
 * like {@code dev.tern.sim.vcd.VcdWriter}; the first observed cycle is the reference and has no toggles.
 *
 * <pre>{@code
 * ToggleCounter toggles = ToggleCounter.attach(sim, path -> path.startsWith("core."));
 * sim.step(100);
 * long flips = toggles.activity("core.accumulator0").totalToggles();
 * }</pre>
 */
public final class ToggleCounter implements CycleObserver {
    private final Simulator simulator;
    private final Probe[] probes;
    private final int[] offsets;
    private final long[] previous;
    private final long[] current;
    private final long[][] toggles;
    private final long[][] highCycles;
    private long cycles;

    private ToggleCounter(Simulator simulator, List<Probe> probes) {
        this.simulator = simulator;
        this.probes = probes.toArray(Probe[]::new);
        this.offsets = new int[this.probes.length + 1];
        this.toggles = new long[this.probes.length][];
        this.highCycles = new long[this.probes.length][];
        for (int i = 0; i < this.probes.length; i++) {
            offsets[i + 1] = offsets[i] + WideOps.words(this.probes[i].width());
            toggles[i] = new long[this.probes[i].width()];
            highCycles[i] = new long[this.probes[i].width()];
        }
        this.previous = new long[offsets[this.probes.length]];
        this.current = new long[offsets[this.probes.length]];
    }

    /**
     * A counter over the named signals whose hierarchical name {@code select} accepts, added to the
     * simulator's observers; counting starts with the next cycle.
     *
     * @throws SimulationException when no signal is selected
     */
    public static ToggleCounter attach(Simulator simulator, Predicate<String> select) {
        List<Probe> chosen = new ArrayList<>();
        for (FlatNetlist.Signal signal : simulator.netlist().signals()) {
            if (select.test(signal.path())) {
                chosen.add(simulator.probe(signal.path()));
            }
        }
        if (chosen.isEmpty()) {
            throw new SimulationException("toggle counting: no signal of " + simulator.netlist().name()
                    + " matches the selection");
        }
        ToggleCounter counter = new ToggleCounter(simulator, chosen);
        simulator.addObserver(counter);
        return counter;
    }

    @Override
    public void beforeEdge(Simulator sim) {
        for (int i = 0; i < probes.length; i++) {
            sim.peekWords(probes[i], current, offsets[i]);
        }
        for (int i = 0; i < probes.length; i++) {
            long[] flips = toggles[i];
            long[] high = highCycles[i];
            for (int bit = 0; bit < flips.length; bit++) {
                int word = offsets[i] + (bit >>> 6);
                long mask = 1L << (bit & 63);
                if ((current[word] & mask) != 0) {
                    high[bit]++;
                }
                if (cycles > 0 && ((current[word] ^ previous[word]) & mask) != 0) {
                    flips[bit]++;
                }
            }
        }
        System.arraycopy(current, 0, previous, 0, current.length);
        cycles++;
    }

    /** Stops counting; the counts stay readable. */
    public void detach() {
        simulator.removeObserver(this);
    }

    /** Cycles observed so far. */
    public long cycles() {
        return cycles;
    }

    /** Every counted signal in netlist order. */
    public List<SignalActivity> activities() {
        List<SignalActivity> result = new ArrayList<>(probes.length);
        for (int i = 0; i < probes.length; i++) {
            result.add(new SignalActivity(probes[i].name(), probes[i].type(), toggles[i], highCycles[i]));
        }
        return List.copyOf(result);
    }

    /** The counts of each signal by its hierarchical name. */
    public Map<String, SignalActivity> byPath() {
        Map<String, SignalActivity> result = new LinkedHashMap<>();
        for (SignalActivity activity : activities()) {
            result.put(activity.path(), activity);
        }
        return result;
    }

    /** One counted signal by its hierarchical name. */
    public SignalActivity activity(String path) {
        SignalActivity found = byPath().get(path);
        if (found == null) {
            throw new SimulationException("toggle counting: signal " + path + " is not counted");
        }
        return found;
    }
}
