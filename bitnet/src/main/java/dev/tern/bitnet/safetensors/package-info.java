/**
 * Hugging Face safetensors checkpoints.
 *
 * <ul>
 *   <li>{@link dev.tern.bitnet.safetensors.SafetensorsCheckpoint#open} takes a model directory, a
 *       {@code model.safetensors.index.json} or one file, and gives every tensor by name whatever
 *       shard holds it: {@code tensors()}, {@code dense(name)} (F32/F16/BF16 read in place),
 *       {@code scalar(name)}, {@code tensorData(name)} and {@code packedTernary(weight, scale,
 *       convention)} for the packed U8 layout of bitnet-b1.58-2B-4T
 *       ({@link dev.tern.bitnet.codec.HfPackedTernaryCodec},
 *       {@link dev.tern.bitnet.codec.ScaleConvention}).</li>
 *   <li>{@link dev.tern.bitnet.safetensors.SafetensorsReader#open} validates one file
 *       ({@link dev.tern.bitnet.safetensors.SafetensorsFile}).</li>
 *   <li>{@link dev.tern.bitnet.safetensors.SafetensorsWriter} writes one file or shards with an
 *       index.</li>
 * </ul>
 *
 * Every problem with a file's contents is a {@link dev.tern.bitnet.codec.ModelFormatException}.
 */
package dev.tern.bitnet.safetensors;
