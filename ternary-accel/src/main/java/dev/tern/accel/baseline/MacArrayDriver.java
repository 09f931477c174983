package dev.tern.accel.baseline;

import dev.tern.accel.AcceleratorConfigException;
import dev.tern.accel.MatmulDriver;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.CycleSimulation;
import dev.tern.sim.Simulator;

import java.util.List;

/**
 * Runs matmuls on a {@link MacArrayUnit} in the cycle-accurate simulator, through its ports only (the shared
 * {@link MatmulDriver} with the MAC unit's {@link MacWordPacking}): elements as {@link MacWords} reads them.
 */
public final class MacArrayDriver extends MatmulDriver<int[][], int[]> {
    /** One matmul of a sequence: {@code weights} (out x in) times {@code x} (in). */
    public record Job(int[][] weights, int[] x) {
    }

    private MacArrayDriver(MacArrayConfig config, CycleSimulation sim) {
        super(new MacWordPacking(config), sim);
    }

    /** A driver over a freshly generated unit in the compiled simulator. */
    public static MacArrayDriver create(MacArrayConfig config) {
        return new MacArrayDriver(config, Simulator.compile(Elaborator.elaborate(() -> new MacArrayUnit(config))));
    }

    /**
     * A driver over {@code simulation}, a simulation of {@code new MacArrayUnit(config)} on any engine (the Java
     * simulator, Verilator); it resets the unit. Closing the driver closes the simulation.
     */
    public static MacArrayDriver on(MacArrayConfig config, CycleSimulation simulation) {
        return new MacArrayDriver(config, simulation);
    }

    /**
     * Each job's matmul, each with its own matrix, the next job loading while the current one computes
     * (see {@link MatmulDriver#runSequence(List, List)}).
     *
     * @throws AcceleratorConfigException when a job does not fit the unit or holds an element outside its format, naming the job
     */
    public List<Run> runSequence(List<Job> jobs) {
        return runSequence(jobs.stream().map(Job::weights).toList(), jobs.stream().map(Job::x).toList());
    }
}
