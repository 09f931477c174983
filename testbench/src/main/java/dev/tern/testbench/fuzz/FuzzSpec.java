package dev.tern.testbench.fuzz;

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
 */
public record FuzzSpec(long seed, int nodes, int maxWidth, int depth, int cycles) {
    public static final int MAX_WIDTH = 130;

    public FuzzSpec {
        if (nodes < 0 || maxWidth < 1 || maxWidth > MAX_WIDTH || depth < 1 || depth > 3 || cycles < 1) {
            throw new IllegalArgumentException("fuzz spec out of range: seed=" + seed + " nodes=" + nodes + " maxWidth="
                    + maxWidth + " depth=" + depth + " cycles=" + cycles);
        }
    }

    /** The full-size spec the fuzzer starts from. */
    public static FuzzSpec full(long seed, int cycles) {
        return new FuzzSpec(seed, 12, MAX_WIDTH, 1 + (int) Long.remainderUnsigned(seed, 3), cycles);
    }

    @Override
    public String toString() {
        return "seed=" + seed + " nodes=" + nodes + " maxWidth=" + maxWidth + " depth=" + depth + " cycles=" + cycles;
    }

    /** @throws IllegalArgumentException naming the part of {@code line} that is not a spec */
    public static FuzzSpec parse(String line) {
        long seed = 0;
        int nodes = -1;
        int maxWidth = -1;
        int depth = -1;
        int cycles = -1;
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
                    default -> throw new IllegalArgumentException("fuzz spec '" + line + "': unknown key " + key);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fuzz spec '" + line + "': " + key + " is not a number: " + value);
            }
        }
        return new FuzzSpec(seed, nodes, maxWidth, depth, cycles);
    }
}
