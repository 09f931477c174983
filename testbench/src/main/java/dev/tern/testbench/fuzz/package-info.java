/**
 * Differential fuzzing of the DSL, the Verilog emitter and both simulator engines.
 *
 * <p>{@link dev.tern.testbench.fuzz.RandomDesigns} turns a {@link dev.tern.testbench.fuzz.FuzzSpec} (seed
 * and size limits) into a random design written with the DSL; {@link dev.tern.testbench.fuzz.Fuzzer} runs
 * batches of them side by side in one Verilator model and on the interpreter and compiled engine, comparing
 * every output every cycle; {@link dev.tern.testbench.fuzz.Shrinker} lowers the spec of a disagreeing design
 * (cycles, hierarchy, nodes, widths) while it still disagrees.
 *
 * <h2>Reproducers</h2>
 * {@code tern fuzz} appends each shrunk reproducer, one spec per line with what it caught, to
 * {@code testbench/src/test/resources/dev/tern/testbench/fuzz/regressions.txt} (or {@code --save FILE});
 * {@code FuzzRegressionTest} replays every line in the normal test run. A spec names a design only for
 * the generator that produced it: a change to {@code RandomModule} that alters the designs of old seeds
 * should come with a minimal hand-written test for each saved reproducer (as
 * {@code EmittedVerilogRegressionTest} does for the first one), so that no regression is lost.
 */
package dev.tern.testbench.fuzz;
