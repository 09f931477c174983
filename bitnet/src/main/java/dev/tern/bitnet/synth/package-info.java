/**
 * Synthetic BitNet models made from a seed, with a real byte-level BPE tokenizer, generated tensor by tensor
 * so that even the 2B-shaped preset is written without being held in memory.
 *
 * <pre>{@code
 * SyntheticModel.create(BitNetConfig.preset("tiny"), 42).write(ModelFileFormat.GGUF_TQ2_0, Path.of("tiny.gguf"));
 * }</pre>
 */
package dev.tern.bitnet.synth;
