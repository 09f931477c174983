package dev.tern.bitnet.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns tokens into text one at a time, as they are generated. A byte-level token can end in the middle
 * of a UTF-8 character, so the bytes of an unfinished character are held back until the token that
 * completes it arrives; {@link #finish()} flushes whatever is left.
 */
public final class StreamingDecoder {
    private final BpeTokenizer tokenizer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public StreamingDecoder(BpeTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The text that {@code token} completes; empty while a character is still unfinished. */
    public String accept(int token) {
        byte[] bytes = tokenizer.bytesOf(token, false);
        pending.write(bytes, 0, bytes.length);
        byte[] all = pending.toByteArray();
        int complete = completePrefix(all);
        pending.reset();
        pending.write(all, complete, all.length - complete);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whatever is still held back (an unfinished character decodes to U+FFFD). */
    public String finish() {
        String rest = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return rest;
    }

    /** The length of the longest prefix that does not end inside a multi-byte UTF-8 character. */
    static int completePrefix(byte[] bytes) {
        int n = bytes.length;
        // A character is at most 4 bytes: only the last 3 can belong to one still missing bytes.
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue;
            }
            int length = b >= 0xF8 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > back ? n - back : n;
        }
        return n;
    }
}
