/**
 * The MAC baselines the ternary accelerator is compared with, for energy and area: an INT8 x INT8
 * ({@link dev.tern.accel.baseline.Int8MacArray}) and an IEEE half-precision ({@link dev.tern.accel.baseline.Fp16MacArray})
 * multiply-accumulate array, each inside a {@link dev.tern.accel.baseline.MacArrayUnit}: the ternary unit's own
 * control ({@link dev.tern.accel.rtl.MatmulUnit}: double-buffered SRAMs, streams, control ports, cycle formula) and
 * throughput ({@code lanes} MACs per row per cycle). Beside them: the word
 * layout ({@link dev.tern.accel.baseline.MacWords}), the golden model ({@link dev.tern.accel.baseline.MacGolden})
 * over an independent software binary16 ({@link dev.tern.accel.baseline.HalfFloat}), the simulator driver
 * ({@link dev.tern.accel.baseline.MacArrayDriver}, the shared {@link dev.tern.accel.MatmulDriver} with the MAC word
 * packing), the catalog entries {@code int8-mac} and {@code fp16-mac} ({@link dev.tern.accel.baseline.MacArrayGenerator})
 * and their manifest ({@link dev.tern.accel.baseline.MacArrayManifest}).
 */
package dev.tern.accel.baseline;
