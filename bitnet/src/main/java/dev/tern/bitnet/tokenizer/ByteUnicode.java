package dev.tern.bitnet.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * GPT-2's reversible map from bytes to printable code points, which lets byte-level BPE vocabularies be
 * stored as text: printable Latin-1 bytes ({@code !..~}, {@code ¡..¬}, {@code ®..ÿ}) stand for themselves,
 * the other 68 bytes take the code points from U+0100 upwards in byte order (space becomes {@code Ġ}).
 */
public final class ByteUnicode {
    private static final int[] BYTE_TO_CODE_POINT = new int[256];
    private static final int[] CODE_POINT_TO_BYTE;

    static {
        int next = 256;
        int maxCodePoint = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_TO_CODE_POINT[b] = printable ? b : next++;
            maxCodePoint = Math.max(maxCodePoint, BYTE_TO_CODE_POINT[b]);
        }
        CODE_POINT_TO_BYTE = new int[maxCodePoint + 1];
        Arrays.fill(CODE_POINT_TO_BYTE, -1);
        for (int b = 0; b < 256; b++) {
            CODE_POINT_TO_BYTE[BYTE_TO_CODE_POINT[b]] = b;
        }
    }

    private ByteUnicode() {
    }

    public static int codePoint(int unsignedByte) {
        return BYTE_TO_CODE_POINT[unsignedByte];
    }

    /** The byte a code point stands for, or -1 when it is not one of the 256 mapped code points. */
    public static int byteOf(int codePoint) {
        return codePoint >= 0 && codePoint < CODE_POINT_TO_BYTE.length ? CODE_POINT_TO_BYTE[codePoint] : -1;
    }

    /** The text form of raw bytes. */
    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            sb.appendCodePoint(BYTE_TO_CODE_POINT[b & 0xFF]);
        }
        return sb.toString();
    }

    /** The text form of one byte, as a vocabulary's byte token spells it. */
    public static String ofByte(int unsignedByte) {
        return new String(Character.toChars(BYTE_TO_CODE_POINT[unsignedByte]));
    }

    /**
     * The bytes a byte-level token stands for; a code point outside the map (which no byte-level vocabulary
     * should contain) stands for its own UTF-8 encoding.
     */
    public static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        text.codePoints().forEach(cp -> {
            int b = byteOf(cp);
            if (b >= 0) {
                out.write(b);
            } else {
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        });
        return out.toByteArray();
    }
}
