package dev.tern.energy.measured;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.sim.CycleObserver;
import dev.tern.sim.Probe;
import dev.tern.sim.Simulator;

/**
 * For each row's adder tree, the cycles in which each level's adders see valid data and the cycles in
 * which the dot product is valid, read from the tree's own valid chain: level 1 adds the tree's
 * {@code in_valid} operands, level k adds what the register after level k-1 holds when that
 * register's valid bit is set (or, without a register there, what level k-1 passes on).
 */
final class ValidCycles implements CycleObserver {
    private final Simulator simulator;
    /** [row][k]: the valid signal of level k's inputs, k = 1..levels; index 0 unused. */
    private final Probe[][] levelValid;
    private final Probe[] dotValid;
    private final long[][] levelCycles;
    private final long[] dotCycles;

    private ValidCycles(Simulator simulator, AcceleratorConfig config) {
        this.simulator = simulator;
        int levels = config.treeLevels();
        levelValid = new Probe[config.rows()][levels + 1];
        dotValid = new Probe[config.rows()];
        levelCycles = new long[config.rows()][levels + 1];
        dotCycles = new long[config.rows()];
        for (int row = 0; row < config.rows(); row++) {
            String tree = "core.row" + row + ".terms.";
            Probe valid = simulator.probe(tree + "in_valid");
            for (int k = 1; k <= levels; k++) {
                levelValid[row][k] = valid;
                if (k % config.pipelineEvery() == 0) {
                    valid = simulator.probe(tree + "level" + k + "_valid");
                }
            }
            dotValid[row] = simulator.probe("core.row" + row + ".out_valid");
        }
    }

    static ValidCycles attach(Simulator simulator, AcceleratorConfig config) {
        ValidCycles counter = new ValidCycles(simulator, config);
        simulator.addObserver(counter);
        return counter;
    }

    @Override
    public void beforeEdge(Simulator sim) {
        for (int row = 0; row < levelValid.length; row++) {
            for (int k = 1; k < levelValid[row].length; k++) {
                levelCycles[row][k] += sim.peek(levelValid[row][k]);
            }
            dotCycles[row] += sim.peek(dotValid[row]);
        }
    }

    void detach() {
        simulator.removeObserver(this);
    }

    long levelInputs(int row, int level) {
        return levelCycles[row][level];
    }

    long dotProducts(int row) {
        return dotCycles[row];
    }
}
