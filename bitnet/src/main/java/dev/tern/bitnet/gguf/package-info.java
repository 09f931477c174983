/**
 * GGUF (llama.cpp, bitnet.cpp) model files.
 *
 * <ul>
 *   <li>{@link dev.tern.bitnet.gguf.GgufReader#open} validates a file and returns a
 *       {@link dev.tern.bitnet.gguf.GgufFile}: {@code metadata()} (a
 *       {@link dev.tern.bitnet.gguf.GgufMetadata} with {@code getString/getInt/getLong/getFloat/
 *       getBoolean/getStringArray/getIntArray/getFloatArray/has}), {@code tensors()}
 *       ({@link dev.tern.bitnet.gguf.GgufTensorInfo}: name, type, dimensions innermost first,
 *       offsets, size), {@code ternary(name)} (a {@link dev.tern.bitnet.tensor.TernaryWeight} from
 *       TQ1_0, TQ2_0, I2_S, or F32/F16/BF16 holding ternary values times one scale),
 *       {@code dense(name)} (F32/F16/BF16 read in place) and {@code tensorData(name)} (raw bytes).</li>
 *   <li>{@link dev.tern.bitnet.gguf.GgufWriter} writes version 3 files laid out as llama.cpp
 *       writes them (it reproduces llama.cpp's own files byte for byte).</li>
 * </ul>
 *
 * Every problem with a file's contents is a {@link dev.tern.bitnet.codec.ModelFormatException}
 * with a one-line message naming the file, the key or tensor, and the offset where it helps.
 */
package dev.tern.bitnet.gguf;
