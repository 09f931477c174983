/**
 * Tensor encodings of model files, converted to and from the canonical in-memory forms
 * ({@link dev.tern.bitnet.tensor.PackedTernaryMatrix} with a per-tensor scale, and
 * {@link dev.tern.bitnet.tensor.DenseMatrix}), plus what the file readers share: the
 * {@link dev.tern.bitnet.codec.ModelFormatException} every malformed file produces, bounded
 * little-endian reading ({@link dev.tern.bitnet.codec.LittleEndianCursor}) and per-region memory
 * mapping ({@link dev.tern.bitnet.codec.MappedFile}).
 *
 * <ul>
 *   <li>{@link dev.tern.bitnet.codec.Tq2Codec} (ggml TQ2_0), {@link dev.tern.bitnet.codec.Tq1Codec}
 *       (ggml TQ1_0), {@link dev.tern.bitnet.codec.I2sCodec} (bitnet.cpp I2_S, x86
 *       ACT_PARALLEL layout only): {@link dev.tern.bitnet.codec.TernaryCodec}s.</li>
 *   <li>{@link dev.tern.bitnet.codec.HfPackedTernaryCodec}: the Hugging Face packed U8 layout,
 *       with the scale convention of {@link dev.tern.bitnet.codec.ScaleConvention}.</li>
 *   <li>{@link dev.tern.bitnet.codec.DenseCodec}: F32, F16, BF16;
 *       {@link dev.tern.bitnet.codec.TernaryRecovery}: trits and scale from a dense tensor that
 *       holds a BitNet weight.</li>
 * </ul>
 */
package dev.tern.bitnet.codec;
