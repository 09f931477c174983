package dev.tern.synth;

/**
 * One module definition of a synthesised design.
 *
 * @param instances how many times it occurs in the hierarchy under the top (1 for the top)
 * @param own       its own primitive cells, submodules excluded
 * @param total     its cells with every submodule's, for one instance
 */
public record ModuleArea(String name, long instances, ResourceCounts own, ResourceCounts total) {
}
