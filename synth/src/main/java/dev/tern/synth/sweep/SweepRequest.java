package dev.tern.synth.sweep;

import dev.tern.energy.EnergyOptions;
import dev.tern.synth.SynthTarget;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a sweep evaluates.
 *
 * @param energy   the model and technology for cycles and energy per token; empty for area only
 * @param cacheDir where synthesis results are kept between runs
 * @param workDir  where each configuration's Verilog and logs go
 * @param baselines designs synthesised beside each {@code ternary-matmul} configuration with its lanes and rows
 *                 ({@code int8-mac}, {@code fp16-mac}): MAC arrays of equal throughput, for the area comparison
 */
public record SweepRequest(String design, SweepGrid grid, SynthTarget target, int jobs, Roofline roofline,
                           Optional<EnergyOptions> energy, Path cacheDir, Path workDir, List<String> baselines) {
    public SweepRequest {
        if (jobs < 1) {
            throw new dev.tern.synth.SynthException("jobs must be at least 1, got " + jobs);
        }
        baselines = List.copyOf(baselines);
        if (!baselines.isEmpty() && !design.equals(dev.tern.accel.AcceleratorConfig.DESIGN)) {
            throw new dev.tern.synth.SynthException("baselines of equal throughput are for " + dev.tern.accel.AcceleratorConfig.DESIGN
                    + " sweeps, not " + design);
        }
    }
}
