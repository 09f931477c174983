/** Area (Yosys {@code synth_xilinx}) and utilisation measurements of the accelerator, run by hand, not by the tests. */
package dev.tern.accel.bench;
