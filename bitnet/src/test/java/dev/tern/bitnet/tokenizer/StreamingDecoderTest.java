package dev.tern.bitnet.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tern.bitnet.synth.SyntheticTokenizer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamingDecoderTest {
    private static final BpeTokenizer TOKENIZER = new BpeTokenizer(SyntheticTokenizer.create(512, 1));

    @Test
    void characterSplitAcrossByteTokensAppearsWhenComplete() {
        StreamingDecoder decoder = new StreamingDecoder(TOKENIZER);
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        assertEquals("", decoder.accept(emoji[0] & 0xFF));
        assertEquals("", decoder.accept(emoji[1] & 0xFF));
        assertEquals("", decoder.accept(emoji[2] & 0xFF));
        assertEquals("😀", decoder.accept(emoji[3] & 0xFF));
        assertEquals("", decoder.finish());
    }

    @Test
    void streamedTextEqualsDecodedText() {
        String text = "Ada wrote: 三 levers, 😀 and café.";
        int[] ids = TOKENIZER.encode(text, true, false);
        StreamingDecoder decoder = new StreamingDecoder(TOKENIZER);
        StringBuilder streamed = new StringBuilder();
        for (int id : ids) {
            streamed.append(decoder.accept(id));
        }
        streamed.append(decoder.finish());
        assertEquals(text, streamed.toString());
    }

    @Test
    void unfinishedCharacterAtTheEndBecomesReplacement() {
        StreamingDecoder decoder = new StreamingDecoder(TOKENIZER);
        assertEquals("a", decoder.accept('a'));
        assertEquals("", decoder.accept(0xE4));
        assertEquals("\uFFFD", decoder.finish());
    }
}
