package dev.tern.bitnet.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreTokenizerTest {
    @Test
    void llama3SplitsContractionsLettersAndNumbersInThreesAndKeepsNewlinesAfterPunctuation() {
        assertEquals(List.of("Hello", " world", "'s", " ", "123", "45", ",", " the", " ternary", "!!\n\n", "  ",
                        " x"),
                PreTokenizer.LLAMA3.split("Hello world's 12345, the ternary!!\n\n   x"));
    }

    @Test
    void llama3ContractionsIgnoreAsciiCase() {
        assertEquals(List.of("I", "'M", " here"), PreTokenizer.LLAMA3.split("I'M here"));
    }

    @Test
    void llama3KeepsAPunctuationCharacterBeforeLetters() {
        assertEquals(List.of("\"Hi", "\"", " (", "x", ")"), PreTokenizer.LLAMA3.split("\"Hi\" (x)"));
    }

    @Test
    void unicodeWhitespaceIsWhitespace() {
        // U+3000 (ideographic space) is White_Space: the run leaves its last space to the word after it.
        // With Java's ASCII-only \s the two spaces would be split off as one punctuation run instead.
        assertEquals(List.of("日本", "\u3000", "\u3000語"), PreTokenizer.LLAMA3.split("日本\u3000\u3000語"));
    }

    @Test
    void gpt2KeepsLongNumbersTogether() {
        assertEquals(List.of("Hello", " world", "'s", " 12345"), PreTokenizer.GPT2.split("Hello world's 12345"));
    }

    @Test
    void piecesAlwaysConcatenateToTheInput() {
        String text = "a\u00A0b \t\r\n c😀d 1234567 ... 'll 'LL";
        assertEquals(text, String.join("", PreTokenizer.LLAMA3.split(text)));
        assertEquals(text, String.join("", PreTokenizer.GPT2.split(text)));
    }

    @Test
    void ggufNamesSelectTheSplit() {
        assertEquals(PreTokenizer.LLAMA3, PreTokenizer.fromGgufName("llama-bpe"));
        assertEquals(PreTokenizer.GPT2, PreTokenizer.fromGgufName("gpt-2"));
        TokenizerException e = assertThrows(TokenizerException.class, () -> PreTokenizer.fromGgufName("qwen2"));
        assertEquals("unsupported pre-tokenizer 'qwen2' (tokenizer.ggml.pre); supported: llama-bpe, llama3, llama-v3,"
                + " gpt-2, gpt2", e.getMessage());
    }
}
