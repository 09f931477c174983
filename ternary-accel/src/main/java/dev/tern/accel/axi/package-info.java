/**
 * The accelerator for FPGA boards: {@link dev.tern.accel.axi.TernaryMatmulAxi} puts the ternary matmul unit behind
 * an AXI4-Lite register block ({@link dev.tern.accel.axi.AxiRegister}) and AXI4-Stream data ports;
 * {@link dev.tern.accel.axi.TernaryMatmulAxiDriver} drives it in the simulator through those handshakes;
 * {@link dev.tern.accel.axi.TernaryMatmulAxiManifest} writes the register map beside the Verilog; and
 * {@link dev.tern.accel.axi.TernaryMatmulAxiGenerator} is its catalog entry, {@code ternary-matmul-axi}.
 */
package dev.tern.accel.axi;
