package dev.tern.testbench.fuzz;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Everything that determines one random design and its run: the seed of its choices and the limits the
 * shrinker lowers. Written as one line ({@link #toString()}, read back by {@link #parse}) in
 * regression files.
 *
 * @param seed     seeds every choice of the generator and the stimulus
 * @param nodes    random operator nodes per module
 * @param maxWidth widest port, register, memory word or intermediate value
 * @param depth    levels of hierarchy (1 = the top alone)
 * @param cycles   cycles simulated
 * @param cut      operator nodes replaced by a zero of their type, by id ({@code m_0.n3}: node 3 of module
 *                 {@code m_0}); the generator still draws every choice, so the rest of the design stays the same
 */
public record FuzzSpec(long seed, int nodes, int maxWidth, int depth, int cycles, SortedSet<String> cut) {
    public static final int MAX_WIDTH = 130;
    private static final Pattern NODE_ID = Pattern.compile("m(_\\d+)*\\.n\\d+");

    public FuzzSpec {
        if (nodes < 0 || maxWidth < 1 || maxWidth > MAX_WIDTH || depth < 1 || depth > 3 || cycles < 1) {
            throw new IllegalArgumentException("fuzz spec out of range: seed=" + seed + " nodes=" + nodes + " maxWidth="
                    + maxWidth + " depth=" + depth + " cycles=" + cycles);
        }
        cut = Collections.unmodifiableSortedSet(new TreeSet<>(cut));
        for (String id : cut) {
            if (!NODE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("fuzz spec: '" + id + "' is not a node id like m_0.n3");
            }
        }
    }

    public FuzzSpec(long seed, int nodes, int maxWidth, int depth, int cycles) {
        this(seed, nodes, maxWidth, depth, cycles, new TreeSet<>());
    }

    /** The full-size spec the fuzzer starts from. */
    public static FuzzSpec full(long seed, int cycles) {
        return new FuzzSpec(seed, 12, MAX_WIDTH, 1 + (int) Long.remainderUnsigned(seed, 3), cycles);
    }

    public FuzzSpec withNodes(int n) {
        return new FuzzSpec(seed, n, maxWidth, depth, cycles, cut);
    }

    public FuzzSpec withMaxWidth(int width) {
        return new FuzzSpec(seed, nodes, width, depth, cycles, cut);
    }

    public FuzzSpec withDepth(int levels) {
        return new FuzzSpec(seed, nodes, maxWidth, levels, cycles, cut);
    }

    public FuzzSpec withCycles(int n) {
        return new FuzzSpec(seed, nodes, maxWidth, depth, n, cut);
    }

    /** This spec with {@code more} nodes cut too. */
    public FuzzSpec cutting(Collection<String> more) {
        SortedSet<String> all = new TreeSet<>(cut);
        all.addAll(more);
        return new FuzzSpec(seed, nodes, maxWidth, depth, cycles, all);
    }

    @Override
    public String toString() {
        return "seed=" + seed + " nodes=" + nodes + " maxWidth=" + maxWidth + " depth=" + depth + " cycles=" + cycles
                + (cut.isEmpty() ? "" : " cut=" + String.join(",", cut));
    }

    /** @throws IllegalArgumentException naming the part of {@code line} that is not a spec */
    public static FuzzSpec parse(String line) {
        long seed = 0;
        int nodes = -1;
        int maxWidth = -1;
        int depth = -1;
        int cycles = -1;
        SortedSet<String> cut = new TreeSet<>();
        for (String part : line.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("fuzz spec '" + line + "': '" + part + "' is not key=value");
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            try {
                switch (key) {
                    case "seed" -> seed = Long.parseLong(value);
                    case "nodes" -> nodes = Integer.parseInt(value);
                    case "maxWidth" -> maxWidth = Integer.parseInt(value);
                    case "depth" -> depth = Integer.parseInt(value);
                    case "cycles" -> cycles = Integer.parseInt(value);
                    case "cut" -> cut.addAll(Arrays.asList(value.split(",")));
                    default -> throw new IllegalArgumentException("fuzz spec '" + line + "': unknown key " + key);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fuzz spec '" + line + "': " + key + " is not a number: " + value);
            }
        }
        return new FuzzSpec(seed, nodes, maxWidth, depth, cycles, cut);
    }
}
