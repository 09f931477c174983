/**
 * What a BitNet b1.58 model is and how it computes: {@link dev.tern.bitnet.model.BitNetConfig} (with the
 * {@code tiny}, {@code small} and {@code 2b-shape} presets), {@link dev.tern.bitnet.model.BitNetWeights}, the
 * {@link dev.tern.bitnet.model.ForwardPass} over a {@link dev.tern.bitnet.model.TernaryMatmul} (the integer
 * core an accelerator implements; {@link dev.tern.bitnet.model.ReferenceTernaryMatmul} is the software one),
 * and model files: {@link dev.tern.bitnet.model.BitNetModelLoader} reads GGUF or Hugging Face checkpoints,
 * {@link dev.tern.bitnet.model.ModelFileFormat} writes any {@link dev.tern.bitnet.model.ModelSource}.
 *
 * <pre>{@code
 * BitNetModel model = BitNetModelLoader.load(Path.of("model.gguf"));
 * }</pre>
 */
package dev.tern.bitnet.model;
