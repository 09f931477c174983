/**
 * The ternary (BitNet b1.58) matmul accelerator: its configuration ({@link dev.tern.accel.AcceleratorConfig}),
 * the weight code shared with the rest of Tern ({@link dev.tern.accel.TernaryWeightCode}, code = trit + 1)
 * and its base-3 packing, the pure-integer golden model ({@link dev.tern.accel.TernaryGolden}), the SRAM
 * word layouts ({@link dev.tern.accel.TileWords}), the simulator driver ({@link dev.tern.accel.TernaryMatmulDriver},
 * the {@link dev.tern.accel.MatmulDriver} every unit shares, with the {@link dev.tern.accel.TernaryWordPacking}),
 * and the catalog entry and manifest for {@code tern generate ternary-matmul} (the manifest's shared sections in
 * {@link dev.tern.accel.MatmulManifest}). The hardware itself is in
 * {@link dev.tern.accel.rtl}.
 */
package dev.tern.accel;
