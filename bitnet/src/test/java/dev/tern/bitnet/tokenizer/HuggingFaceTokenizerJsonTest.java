package dev.tern.bitnet.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tern.bitnet.synth.SyntheticTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceTokenizerJsonTest {
    @TempDir
    Path dir;

    @Test
    void writtenFileReadsBackAsTheSameTokenizer() throws IOException {
        TokenizerSpec spec = SyntheticTokenizer.create(600, 4);
        Path file = dir.resolve("tokenizer.json");
        HuggingFaceTokenizerJson.write(spec, file);
        TokenizerSpec read = HuggingFaceTokenizerJson.read(file).withSpecialIds(spec.bosId(), spec.eosId());
        assertEquals(spec, read);
        String text = "The lighthouse keeper counted 243 patterns.";
        assertArrayEquals(new BpeTokenizer(spec).encode(text), new BpeTokenizer(read).encode(text));
    }

    @Test
    void llama3StyleFileWithStringMergesIsRead() throws IOException {
        String json = """
                {"added_tokens": [{"id": 4, "content": "<|begin_of_text|>", "special": true}],
                 "normalizer": null,
                 "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                   {"type": "Split", "pattern": {"Regex": "%s"}, "behavior": "Isolated", "invert": false},
                   {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": false}]},
                 "post_processor": {"type": "Sequence", "processors": [
                   {"type": "ByteLevel"},
                   {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 0}},
                                                            {"Sequence": {"id": "A", "type_id": 0}}]}]},
                 "model": {"type": "BPE", "ignore_merges": true, "vocab": {"a": 0, "b": 1, "ab": 2, "Ġ": 3},
                           "merges": ["a b"]}}
                """.formatted(PreTokenizer.LLAMA3.filePattern().replace("\\", "\\\\"));
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, json);
        TokenizerSpec spec = HuggingFaceTokenizerJson.read(file);
        assertEquals(PreTokenizer.LLAMA3, spec.preTokenizer());
        assertEquals(4, spec.bosId());
        assertEquals(TokenType.CONTROL, spec.types().get(4));
        assertEquals(new Merge("a", "b"), spec.merges().get(0));
        assertEquals(true, spec.ignoreMerges());
    }

    @Test
    void unsupportedModelTypeIsNamed() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\"model\": {\"type\": \"Unigram\"}}");
        TokenizerException e = assertThrows(TokenizerException.class, () -> HuggingFaceTokenizerJson.read(file));
        assertEquals(file + ": model.type is 'Unigram', only BPE is supported", e.getMessage());
    }

    @Test
    void missingIdIsNamed() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\"pre_tokenizer\": {\"type\": \"ByteLevel\"},"
                + " \"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0, \"c\": 2}, \"merges\": []}}");
        TokenizerException e = assertThrows(TokenizerException.class, () -> HuggingFaceTokenizerJson.read(file));
        assertEquals(file + ": no token has id 1", e.getMessage());
    }
}
