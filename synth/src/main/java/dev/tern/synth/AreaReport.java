package dev.tern.synth;

import java.util.List;

/**
 * The cells of a synthesised design, per module and in total.
 *
 * @param modules every module under the top, the top first, then in the order Yosys listed them
 * @param total   the top with all its submodule instances
 */
public record AreaReport(SynthTarget target, String top, List<ModuleArea> modules, ResourceCounts total) {
    public AreaReport {
        modules = List.copyOf(modules);
    }
}
