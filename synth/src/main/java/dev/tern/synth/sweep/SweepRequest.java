package dev.tern.synth.sweep;

import dev.tern.energy.EnergyOptions;
import dev.tern.synth.SynthTarget;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a sweep evaluates.
 *
 * @param energy   the model and technology for cycles and energy per token; empty for area only
 * @param cacheDir where synthesis results are kept between runs
 * @param workDir  where each configuration's Verilog and logs go
 */
public record SweepRequest(String design, SweepGrid grid, SynthTarget target, int jobs, Roofline roofline,
                           Optional<EnergyOptions> energy, Path cacheDir, Path workDir) {
    public SweepRequest {
        if (jobs < 1) {
            throw new dev.tern.synth.SynthException("jobs must be at least 1, got " + jobs);
        }
    }
}
