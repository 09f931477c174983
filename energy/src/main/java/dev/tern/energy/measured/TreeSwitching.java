package dev.tern.energy.measured;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.energy.SwitchingActivity;
import dev.tern.sim.activity.SaifWriter;
import dev.tern.sim.activity.SignalActivity;
import dev.tern.sim.activity.ToggleCounter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much the adder trees switch on given data: runs one matmul per activation vector on the unit
 * (the weights loaded once) and counts the bit flips of every tree level's registered sums and of the
 * accumulators over the jobs of each stimulus; the SAIF of the same counts is kept
 * for power tools.
 */
public final class TreeSwitching {
    private static final Pattern LEVEL_SUM = Pattern.compile("core\\.row\\d+\\.terms\\.level(\\d+)_sum\\d+");
    private static final Pattern ACCUMULATOR = Pattern.compile("core\\.accumulator\\d+");
    static final String ACCUMULATORS = "accumulators";

    /** The activity rows of one stimulus, one per tree level and one for the accumulators, and their SAIF. */
    public record Result(List<SwitchingActivity.Row> rows, String saif) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    private TreeSwitching() {
    }

    /**
     * @param codes    the weights ({@code TernaryWeightCode}s, out x in)
     * @param vectors  INT8 activation vectors of {@code in} entries each, one job each
     * @param stimulus the name of the data in the rows ({@code real}, {@code random})
     */
    public static Result measure(AcceleratorConfig config, byte[][] codes, List<byte[]> vectors, String stimulus) {
        return measure(config, codes, Map.of(stimulus, vectors)).get(stimulus);
    }

    /**
     * One result per stimulus, in the map's order, from one simulated unit with the weights loaded once:
     * each stimulus is counted from the state the one before left.
     */
    public static Map<String, Result> measure(AcceleratorConfig config, byte[][] codes,
            Map<String, List<byte[]>> stimuli) {
        Map<String, Result> results = new LinkedHashMap<>();
        try (SimulatedMatmul unit = new SimulatedMatmul(config)) {
            unit.loadWeights(codes);
            stimuli.forEach((stimulus, vectors) -> {
                if (vectors.isEmpty()) {
                    throw new IllegalArgumentException("switching activity of " + stimulus
                            + " needs at least one activation vector");
                }
                ToggleCounter toggles = ToggleCounter.attach(unit.simulator(),
                        path -> LEVEL_SUM.matcher(path).matches() || ACCUMULATOR.matcher(path).matches());
                for (byte[] x : vectors) {
                    unit.multiply(x);
                }
                toggles.detach();
                results.put(stimulus, new Result(rows(toggles, stimulus),
                        SaifWriter.toSaif(unit.simulator().netlist(), toggles, SaifWriter.DEFAULT_PERIOD_NS)));
            });
        }
        return results;
    }

    private static List<SwitchingActivity.Row> rows(ToggleCounter toggles, String stimulus) {
        Map<Integer, long[]> levels = new TreeMap<>();
        long[] accumulators = new long[2];
        for (SignalActivity signal : toggles.activities()) {
            Matcher level = LEVEL_SUM.matcher(signal.path());
            long[] sums = level.matches() ? levels.computeIfAbsent(Integer.parseInt(level.group(1)), k -> new long[2])
                    : accumulators;
            sums[0] += signal.width();
            sums[1] += signal.totalToggles();
        }
        List<SwitchingActivity.Row> rows = new ArrayList<>();
        levels.forEach((level, sums) -> rows.add(
                new SwitchingActivity.Row(stimulus, "tree level " + level, sums[0], toggles.cycles(), sums[1])));
        rows.add(new SwitchingActivity.Row(stimulus, ACCUMULATORS, accumulators[0], toggles.cycles(), accumulators[1]));
        return rows;
    }
}
