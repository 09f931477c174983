/**
 * The accelerator's hardware in the Tern DSL, bottom up: {@link dev.tern.accel.rtl.TernaryLane} (a register holding
 * the lane's term as a word and a sign flag), {@link dev.tern.accel.rtl.PlusMinusAdder} and
 * {@link dev.tern.accel.rtl.PlusMinusAdderTree} (exact widths, signs folded into the carry chain's LUTs),
 * {@link dev.tern.accel.rtl.TernaryDotProduct}, {@link dev.tern.accel.rtl.Base3Decoder},
 * {@link dev.tern.accel.rtl.TernaryMatVecCore} (rows of dot products and INT32 accumulators) and
 * {@link dev.tern.accel.rtl.TernaryMatmulUnit}: that core inside {@link dev.tern.accel.rtl.MatmulUnit}, the control
 * (SRAMs, tiling FSM, streams, status) the MAC baselines share. No multiplier anywhere in the ternary unit.
 * {@link dev.tern.accel.rtl.MinimalWidthAdderTree} (plain words plus carry bits) serves the INT8 MAC baseline.
 */
package dev.tern.accel.rtl;
