/**
 * The accelerator's hardware in the Tern DSL, bottom up: {@link dev.tern.accel.rtl.TernaryLane} (select +x, 0
 * or ~x), {@link dev.tern.accel.rtl.MinimalWidthAdderTree} (exact widths, corrections on carry inputs),
 * {@link dev.tern.accel.rtl.TernaryDotProduct}, {@link dev.tern.accel.rtl.Base3Decoder},
 * {@link dev.tern.accel.rtl.TernaryMatVecCore} (rows of dot products and INT32 accumulators) and
 * {@link dev.tern.accel.rtl.TernaryMatmulUnit} (SRAMs, tiling FSM, streams, status). No multiplier anywhere.
 */
package dev.tern.accel.rtl;
