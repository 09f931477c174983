package dev.tern.sim.activity;

import dev.tern.sim.SimulationException;
import dev.tern.sim.netlist.FlatNetlist;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes counted switching activity as a backward SAIF file (Switching Activity Interchange Format,
 * version 2.0, as in IEEE 1801 Annex), which power tools (PrimeTime PX, Vivado report_power, Genus)
 * read: one {@code INSTANCE} per module instance, named as in the emitted Verilog, nested as the
 * design is; in each, a {@code NET} entry per bit of every counted signal with its times at 0 and 1
 * ({@code T0}, {@code T1}), unknown ({@code TX}, always 0: the simulation is two-state), toggle count
 * ({@code TC}) and glitches ({@code IG}, always 0: values are sampled once per cycle).
 *
 * <p>Time: one cycle is {@code cyclePeriodNs} nanoseconds ({@code TIMESCALE 1 ns}), so
 * {@code DURATION} is cycles x period and {@code T0 + T1 = DURATION} for every bit.
 */
public final class SaifWriter {
    /** The cycle period of Tern's waveforms: 10 ns, as {@code dev.tern.sim.vcd.VcdWriter} draws it. */
    public static final long DEFAULT_PERIOD_NS = 10;

    private SaifWriter() {
    }

    /** The SAIF text of {@code counter}'s counts over the hierarchy of {@code netlist}. */
    public static String toSaif(FlatNetlist netlist, ToggleCounter counter, long cyclePeriodNs) {
        if (cyclePeriodNs <= 0) {
            throw new SimulationException("SAIF: the cycle period must be positive, got " + cyclePeriodNs + " ns");
        }
        Map<String, SignalActivity> counted = counter.byPath();
        long duration = Math.multiplyExact(counter.cycles(), cyclePeriodNs);
        StringBuilder text = new StringBuilder();
        text.append("(SAIFILE\n");
        text.append("(SAIFVERSION \"2.0\")\n");
        text.append("(DIRECTION \"backward\")\n");
        text.append("(DESIGN \"").append(netlist.name()).append("\")\n");
        text.append("(VENDOR \"Tern\")\n");
        text.append("(PROGRAM_NAME \"tern sim\")\n");
        text.append("(DIVIDER / )\n");
        text.append("(TIMESCALE 1 ns)\n");
        text.append("(DURATION ").append(duration).append(")\n");
        instance(netlist.top(), counted, cyclePeriodNs, duration, "", text);
        text.append(")\n");
        return text.toString();
    }

    /** Writes {@link #toSaif} to {@code file}. */
    public static void write(Path file, FlatNetlist netlist, ToggleCounter counter, long cyclePeriodNs) {
        String text = toSaif(netlist, counter, cyclePeriodNs);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(text);
        } catch (IOException e) {
            throw new SimulationException("cannot write SAIF file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends the scope's instance when it or a scope below it has counted signals; returns whether it did. */
    private static boolean instance(FlatNetlist.Scope scope, Map<String, SignalActivity> counted, long period,
            long duration, String indent, StringBuilder text) {
        StringBuilder nets = new StringBuilder();
        for (FlatNetlist.Signal signal : scope.signals()) {
            SignalActivity activity = counted.get(signal.path());
            if (activity != null) {
                net(signal.name(), activity, period, duration, indent + "    ", nets);
            }
        }
        StringBuilder children = new StringBuilder();
        for (FlatNetlist.Scope child : scope.children()) {
            instance(child, counted, period, duration, indent + "  ", children);
        }
        if (nets.isEmpty() && children.isEmpty()) {
            return false;
        }
        text.append(indent).append("(INSTANCE ").append(escape(scope.name())).append('\n');
        if (!nets.isEmpty()) {
            text.append(indent).append("  (NET\n").append(nets).append(indent).append("  )\n");
        }
        text.append(children);
        text.append(indent).append(")\n");
        return true;
    }

    private static void net(String name, SignalActivity activity, long period, long duration, String indent,
            StringBuilder text) {
        for (int bit = 0; bit < activity.width(); bit++) {
            String netName = activity.width() == 1 ? escape(name) : escape(name) + "\\[" + bit + "\\]";
            long high = Math.multiplyExact(activity.highCycles(bit), period);
            text.append(indent).append('(').append(netName)
                    .append(" (T0 ").append(duration - high).append(") (T1 ").append(high).append(") (TX 0)")
                    .append(" (TC ").append(activity.toggles(bit)).append(") (IG 0))\n");
        }
    }

    /** SAIF identifiers escape every character other than letters, digits and underscore with a backslash. */
    static String escape(String name) {
        StringBuilder escaped = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
