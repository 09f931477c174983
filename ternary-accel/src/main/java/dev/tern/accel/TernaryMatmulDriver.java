package dev.tern.accel;

import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.CycleSimulation;
import dev.tern.sim.Simulator;

import java.math.BigInteger;
import java.util.List;

/**
 * Runs matmuls on a {@link TernaryMatmulUnit} in the cycle-accurate simulator, through its ports only
 * (the shared {@link MatmulDriver} with the ternary unit's {@link TernaryWordPacking}): matrices of
 * {@link TernaryWeightCode}s (out x in) times INT8 vectors.
 */
public final class TernaryMatmulDriver extends MatmulDriver<byte[][], byte[]> {
    /** One matmul of a sequence: {@code codes} ({@link TernaryWeightCode}s, out x in) times INT8 {@code x}. */
    public record Job(byte[][] codes, byte[] x) {
    }

    private TernaryMatmulDriver(AcceleratorConfig config, CycleSimulation sim) {
        super(new TernaryWordPacking(config), sim);
    }

    /** A driver over a freshly generated unit in the compiled simulator. */
    public static TernaryMatmulDriver create(AcceleratorConfig config) {
        return new TernaryMatmulDriver(config, Simulator.compile(Elaborator.elaborate(() -> new TernaryMatmulUnit(config))));
    }

    /**
     * A driver over {@code simulation}, a simulation of {@code new TernaryMatmulUnit(config)} on any engine (the Java
     * simulator, Verilator); it resets the unit. Closing the driver closes the simulation.
     */
    public static TernaryMatmulDriver on(AcceleratorConfig config, CycleSimulation simulation) {
        return new TernaryMatmulDriver(config, simulation);
    }

    /**
     * Each job's matmul, each with its own matrix, the next job loading while the current one computes
     * (see {@link MatmulDriver#runSequence(List, List)}).
     *
     * @throws AcceleratorConfigException when a job's matrix or vector does not fit the unit's SRAMs, naming the job
     */
    public List<Run> runSequence(List<Job> jobs) {
        return runSequence(jobs.stream().map(Job::codes).toList(), jobs.stream().map(Job::x).toList());
    }

    /**
     * Checks that an {@code out x in} matmul fits the unit (see {@link WordPacking#checkFits}).
     *
     * @throws AcceleratorConfigException naming the shape and the limit it breaks
     */
    public static void checkFits(AcceleratorConfig config, byte[][] codes, byte[] x) {
        new TernaryWordPacking(config).checkFits(codes, x);
    }

    /** The weight words of a matrix with {@code in} columns in stream order: row group by row group, tile by tile. */
    public static List<BigInteger> weightWords(AcceleratorConfig config, byte[][] codes, int in) {
        return new TernaryWordPacking(config).weightWords(codes, in);
    }

    /** The activation words of {@code x} in stream order, tile 0 first. */
    public static List<BigInteger> activationWords(AcceleratorConfig config, byte[] x) {
        return new TernaryWordPacking(config).activationWords(x);
    }
}
