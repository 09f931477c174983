/**
 * The accelerator's energy-relevant activity, measured in the simulator: the energy model's action
 * counts of a matmul ({@link dev.tern.energy.measured.MeasuredActionCounts}), which agree field by field
 * with the analytic {@code TernaryAdderTree} counts, and the adder tree's switching activity on given
 * activations ({@link dev.tern.energy.measured.TreeSwitching}).
 */
package dev.tern.energy.measured;
