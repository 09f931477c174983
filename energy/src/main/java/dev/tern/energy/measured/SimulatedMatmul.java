package dev.tern.energy.measured;

import dev.tern.accel.StreamHandshake;
import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryGolden;
import dev.tern.accel.TileWords;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.Simulator;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A {@link TernaryMatmulUnit} in the simulator with the simulator in reach, so that activity observers
 * can be attached: loads a weight matrix through {@code weight_in} once, then runs one job per
 * activation vector through {@code activation_in} with {@code result_out} always ready, and checks
 * every result against {@link TernaryGolden}, so that counts only ever come from a correct run.
 */
final class SimulatedMatmul implements AutoCloseable {
    private final AcceleratorConfig config;
    private final Simulator simulator;
    private byte[][] codes;
    private int tiles;
    private int groups;

    SimulatedMatmul(AcceleratorConfig config) {
        this.config = config;
        this.simulator = Simulator.compile(Elaborator.elaborate(() -> new TernaryMatmulUnit(config)));
        simulator.reset();
        simulator.poke("result_out_ready", 1);
    }

    Simulator simulator() {
        return simulator;
    }

    /** Streams {@code weightCodes} (out x in {@code TernaryWeightCode}s) into the weight SRAM. */
    void loadWeights(byte[][] weightCodes) {
        codes = weightCodes;
        int in = weightCodes[0].length;
        tiles = (in + config.lanes() - 1) / config.lanes();
        groups = (weightCodes.length + config.rows() - 1) / config.rows();
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < tiles; t++) {
                push("weight_in", TileWords.weights(config, weightCodes, g * config.rows(), t * config.lanes()));
            }
        }
    }

    /** One job: {@code x} into the activation SRAM, start, wait for every result; the result is checked. */
    void multiply(byte[] x) {
        if (codes == null || x.length != codes[0].length) {
            throw new IllegalStateException("a vector of " + x.length + " activations for weights of "
                    + (codes == null ? "none" : codes[0].length + " columns"));
        }
        for (int t = 0; t < tiles; t++) {
            push("activation_in", TileWords.activations(x, t * config.lanes(), config.lanes()));
        }
        simulator.poke("in_tiles", tiles);
        simulator.poke("row_groups", groups);
        simulator.poke("start", 1);
        simulator.step();
        simulator.poke("start", 0);
        int[] y = new int[codes.length];
        int received = 0;
        long limit = 4 * TernaryMatmulUnit.jobCycles(config, groups, tiles) + 64;
        for (long edge = 0; simulator.peek("busy") == 1; edge++) {
            if (edge > limit) {
                throw new IllegalStateException("the unit is still busy after " + limit + " edges");
            }
            if (simulator.peek("result_out_valid") == 1) {
                BigInteger word = simulator.peekBig("result_out_data");
                for (int r = 0; r < config.rows() && received * config.rows() + r < y.length; r++) {
                    y[received * config.rows() + r] = word.shiftRight(32 * r).intValue();
                }
                received++;
            }
            simulator.step();
        }
        int[] expected = TernaryGolden.matVec(codes, x, config.lanes());
        if (!Arrays.equals(expected, y)) {
            throw new IllegalStateException("the simulated unit computed a wrong matmul of " + codes.length + " x "
                    + x.length + "; counts from it would mean nothing");
        }
    }

    private void push(String stream, BigInteger word) {
        StreamHandshake.push(simulator, stream, word);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
