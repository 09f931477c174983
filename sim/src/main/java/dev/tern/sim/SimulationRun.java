package dev.tern.sim;

import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.stimulus.RandomStimulus;
import dev.tern.sim.stimulus.Stimulus;
import dev.tern.sim.stimulus.StimulusFile;
import dev.tern.sim.vcd.VcdSelection;
import dev.tern.sim.vcd.VcdWriter;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulation from start to end, as {@code tern simulate} runs it: build the simulator, drive the
 * inputs for a number of cycles, optionally write a waveform, report progress, and stop early when
 * cancelled from another thread.
 *
 * <p>Inputs come from a {@link StimulusFile}, from {@link RandomStimulus} with a seed, or, with neither,
 * stay 0 except the reset of a clocked design, asserted in cycle 0 and released from cycle 1 on ({@code rst}
 * 1 then 0, an active-low {@code aresetn} 0 then 1).
 */
public final class SimulationRun {
    /** Which engine to build. */
    public enum EngineChoice { COMPILED, INTERPRETER }

    /**
     * What to run.
     *
     * @param cycles     rising edges to simulate
     * @param stimulus   a stimulus file, or null
     * @param randomSeed a seed for random inputs (with a reset in cycle 0), or null
     * @param vcd        a waveform file to write, or null
     * @param vcdSignals hierarchical names or patterns of the signals to dump; empty for all
     */
    public record Settings(long cycles, Path stimulus, Long randomSeed, Path vcd, List<String> vcdSignals, EngineChoice engine) {
        public Settings {
            if (cycles < 0) {
                throw new SimulationException("the number of cycles must not be negative, got " + cycles);
            }
            if (stimulus != null && randomSeed != null) {
                throw new SimulationException("give a stimulus file or a random seed, not both");
            }
            vcdSignals = vcdSignals == null ? List.of() : List.copyOf(vcdSignals);
            engine = engine == null ? EngineChoice.COMPILED : engine;
        }

        /** {@code cycles} cycles on the compiled engine with the reset in cycle 0 and no waveform. */
        public static Settings cycles(long cycles) {
            return new Settings(cycles, null, null, null, List.of(), EngineChoice.COMPILED);
        }

        public Settings withStimulus(Path file) {
            return new Settings(cycles, file, randomSeed, vcd, vcdSignals, engine);
        }

        public Settings withRandomSeed(long seed) {
            return new Settings(cycles, stimulus, seed, vcd, vcdSignals, engine);
        }

        public Settings withVcd(Path file, List<String> signals) {
            return new Settings(cycles, stimulus, randomSeed, file, signals, engine);
        }

        public Settings withEngine(EngineChoice choice) {
            return new Settings(cycles, stimulus, randomSeed, vcd, vcdSignals, choice);
        }
    }

    /** Told how far the run is, at most about ten times a second and once at the end. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long cyclesDone, long cyclesTotal);
    }

    /**
     * How a run ended.
     *
     * @param engine  the engine that ran ({@code interpreter} when no compiler was available)
     * @param outputs each top output after the last cycle, as its type reads it
     */
    public record Result(String design, String engine, long cycles, boolean cancelled, double setupSeconds,
                         double runSeconds, Map<String, BigInteger> outputs) {
        public double cyclesPerSecond() {
            return runSeconds > 0 ? cycles / runSeconds : 0;
        }
    }

    private static final long PROGRESS_NANOS = 100_000_000L;

    private final Design design;
    private final Settings settings;
    private volatile boolean cancelRequested;

    public SimulationRun(Design design, Settings settings) {
        this.design = design;
        this.settings = settings;
    }

    /** Asks a running {@link #run} to stop after the current cycle; safe from any thread. */
    public void cancel() {
        cancelRequested = true;
    }

    /**
     * Runs to the end or until cancelled. The waveform, if any, is complete either way.
     *
     * @throws SimulationException for a bad stimulus file, waveform selection or file
     */
    public Result run(ProgressListener listener) {
        long start = System.nanoTime();
        Simulator sim = settings.engine() == EngineChoice.INTERPRETER ? Simulator.interpret(design) : Simulator.compile(design);
        try (sim) {
            Stimulus stimulus = stimulus(sim);
            if (settings.vcd() != null) {
                VcdSelection selection = settings.vcdSignals().isEmpty() ? VcdSelection.all() : VcdSelection.of(settings.vcdSignals());
                VcdWriter.open(sim, settings.vcd(), selection);
            }
            long setupEnd = System.nanoTime();
            long total = settings.cycles();
            long lastReport = setupEnd;
            long cycle = 0;
            while (cycle < total && !cancelRequested) {
                stimulus.apply(sim, cycle);
                sim.step();
                cycle++;
                if ((cycle & 1023) == 0) {
                    long now = System.nanoTime();
                    if (now - lastReport >= PROGRESS_NANOS) {
                        listener.progress(cycle, total);
                        lastReport = now;
                    }
                }
            }
            listener.progress(cycle, total);
            long end = System.nanoTime();
            Map<String, BigInteger> outputs = new LinkedHashMap<>();
            for (Port p : sim.outputs()) {
                outputs.put(p.name(), sim.peekBig(p));
            }
            return new Result(design.name(), sim.engine(), cycle, cycle < total, (setupEnd - start) / 1e9, (end - setupEnd) / 1e9,
                    outputs);
        }
    }

    private Stimulus stimulus(Simulator sim) {
        if (settings.stimulus() != null) {
            return StimulusFile.read(settings.stimulus(), sim);
        }
        if (settings.randomSeed() != null) {
            return new RandomStimulus(settings.randomSeed());
        }
        if (!sim.netlist().isClocked()) {
            return (s, cycle) -> { };
        }
        Port reset = sim.resetPort();
        Clocking clocking = sim.netlist().clocking();
        return (s, cycle) -> {
            if (cycle <= 1) {
                s.poke(reset, clocking.resetLevel(cycle == 0));
            }
        };
    }
}
