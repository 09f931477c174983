/**
 * Cosimulation of the Java simulator with Verilog simulators.
 *
 * <p>{@link dev.tern.testbench.BusLayout} puts every input, output and probed signal of one or more designs
 * on two buses of 64-bit words; {@link dev.tern.testbench.CosimTopWriter} wraps the emitted Verilog in a top
 * module with those buses; {@link dev.tern.testbench.VerilatorModel} (cached builds, binary pipe protocol)
 * and {@link dev.tern.testbench.IcarusModel} (hex text protocol) run it; {@link dev.tern.testbench.Cosimulation}
 * compares each cycle and reports the first {@link dev.tern.testbench.Mismatch} with waveforms of both sides.
 * {@link dev.tern.testbench.Cosim} is the one-line form for tests.
 *
 * <p>Semantics compared: two-state values; registers without reset and memories start at 0. Registers with
 * a reset value are undefined until the first reset (Icarus shows x), so a design that uses its reset is
 * compared from the cycle after its first reset on.
 */
package dev.tern.testbench;
