/**
 * The accelerator's hardware in the Tern DSL, bottom up: {@link dev.tern.accel.rtl.TernaryLane} (select +x, 0
 * or ~x), {@link dev.tern.accel.rtl.MinimalWidthAdderTree} (exact widths, corrections on carry inputs),
 * {@link dev.tern.accel.rtl.TernaryDotProduct}, {@link dev.tern.accel.rtl.Base3Decoder},
 * {@link dev.tern.accel.rtl.TernaryMatVecCore} (rows of dot products and INT32 accumulators) and
 * {@link dev.tern.accel.rtl.TernaryMatmulUnit}: that core inside {@link dev.tern.accel.rtl.MatmulUnit}, the control
 * (SRAMs, tiling FSM, streams, status) the MAC baselines share. No multiplier anywhere in the ternary unit.
 */
package dev.tern.accel.rtl;
