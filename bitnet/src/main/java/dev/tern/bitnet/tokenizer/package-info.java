/**
 * Byte-level BPE as GPT-2 and LLaMA 3 use it: {@link dev.tern.bitnet.tokenizer.BpeTokenizer} built from a
 * {@link dev.tern.bitnet.tokenizer.TokenizerSpec} of plain lists (from GGUF metadata, a Hugging Face
 * {@code tokenizer.json} via {@link dev.tern.bitnet.tokenizer.HuggingFaceTokenizerJson}, or
 * {@link dev.tern.bitnet.tokenizer.BpeTrainer}); {@link dev.tern.bitnet.tokenizer.StreamingDecoder} turns
 * generated tokens into text as they come. This package depends on nothing else in the module.
 */
package dev.tern.bitnet.tokenizer;
