package dev.tern.bitnet.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ByteUnicodeTest {
    @Test
    void spaceNewlineAndByteZeroTakeTheGpt2CodePoints() {
        assertEquals("Ġ", ByteUnicode.ofByte(' '));
        assertEquals("Ċ", ByteUnicode.ofByte('\n'));
        assertEquals("Ā", ByteUnicode.ofByte(0));
        assertEquals("a", ByteUnicode.ofByte('a'));
        assertEquals("ÿ", ByteUnicode.ofByte(0xFF));
        assertEquals(0x143, ByteUnicode.codePoint(0xAD)); // the last of the 68 remapped bytes
    }

    @Test
    void everyByteHasItsOwnCodePointAndComesBack() {
        Set<Integer> seen = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            seen.add(ByteUnicode.codePoint(b));
            assertEquals(b, ByteUnicode.byteOf(ByteUnicode.codePoint(b)));
        }
        assertEquals(256, seen.size());
    }

    @Test
    void bytesSurviveEncodeAndDecode() {
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        assertArrayEquals(all, ByteUnicode.decode(ByteUnicode.encode(all)));
    }
}
