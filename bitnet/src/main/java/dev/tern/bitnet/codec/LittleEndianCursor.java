package dev.tern.bitnet.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads little-endian fields from the start of a file, refusing to read past the bytes it has.
 * Every read checks the remaining length first, so a lying length in a damaged file gives a
 * {@link ModelFormatException} naming the current subject (set with {@link #subject}), the field
 * and the offset, never a huge allocation or an index exception.
 */
public final class LittleEndianCursor {
    private final String file;
    private final ByteBuffer buffer;
    private final long fileSize;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private String subject = "header";

    /**
     * @param buffer   the file's bytes from offset 0 (may be a window shorter than the file)
     * @param fileSize the file's full length, for messages about reads beyond the window
     */
    public LittleEndianCursor(String file, ByteBuffer buffer, long fileSize) {
        this.file = file;
        this.buffer = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.buffer.position(0);
        this.fileSize = fileSize;
    }

    /** What is being read, e.g. {@code metadata key 'general.name'}, for error messages. */
    public LittleEndianCursor subject(String subject) {
        this.subject = subject;
        return this;
    }

    public long position() {
        return buffer.position();
    }

    public long remaining() {
        return buffer.remaining();
    }

    public int u8(String field) {
        require(1, field);
        return buffer.get() & 0xFF;
    }

    public int u16(String field) {
        require(2, field);
        return buffer.getShort() & 0xFFFF;
    }

    public int i32(String field) {
        require(4, field);
        return buffer.getInt();
    }

    /** An unsigned 32-bit field. */
    public long u32(String field) {
        return i32(field) & 0xFFFF_FFFFL;
    }

    /** A 64-bit field; unsigned fields above 2^63 - 1 come back negative, callers check. */
    public long i64(String field) {
        require(8, field);
        return buffer.getLong();
    }

    public float f32(String field) {
        require(4, field);
        return buffer.getFloat();
    }

    public double f64(String field) {
        require(8, field);
        return buffer.getDouble();
    }

    /** A fixed-size field of {@code count} bytes. */
    public byte[] bytes(int count, String field) {
        require(count, field);
        byte[] bytes = new byte[count];
        buffer.get(bytes);
        return bytes;
    }

    /** A UTF-8 string of {@code length} bytes; malformed UTF-8 is an error, not replaced. */
    public String utf8(long length, String field) {
        long start = position();
        requireLength(length, field + " length");
        ByteBuffer slice = buffer.slice().limit((int) length);
        try {
            String text = utf8.reset().decode(slice).toString();
            buffer.position(buffer.position() + (int) length);
            return text;
        } catch (CharacterCodingException e) {
            throw error(field + " is not valid UTF-8", start);
        }
    }

    /**
     * Checks that a length read from the file fits the rest of it, before anything is allocated
     * for it: a negative (above 2^63) or too large length is an error naming the field.
     */
    public void requireLength(long length, String field) {
        if (length < 0 || length > buffer.remaining()) {
            String shown = length < 0 ? Long.toUnsignedString(length) : Long.toString(length);
            throw error(field + " " + shown + " exceeds the " + bytesLeftDescription(), position());
        }
    }

    /**
     * Checks that {@code count} items of at least {@code minimumBytesEach} bytes can fit the rest of
     * the file, so that a lying count never sizes an allocation or a long loop.
     */
    public void requireCount(long count, int minimumBytesEach, String field) {
        if (count < 0 || count > buffer.remaining() / minimumBytesEach) {
            String shown = count < 0 ? Long.toUnsignedString(count) : Long.toString(count);
            throw error(field + " " + shown + " cannot fit the " + bytesLeftDescription()
                    + " (at least " + minimumBytesEach + " bytes each)", position());
        }
    }

    private void require(int bytes, String field) {
        if (buffer.remaining() < bytes) {
            throw error("truncated: " + field + " needs " + bytes + " bytes, " + bytesLeftDescription(), position());
        }
    }

    private String bytesLeftDescription() {
        long left = buffer.remaining();
        if (buffer.limit() < fileSize) {
            return left + " bytes left in the first " + buffer.limit() + " bytes of the file, which is all a header may use";
        }
        return left + " bytes left in the file (" + fileSize + " bytes)";
    }

    /** An error about the current subject at {@code offset}. */
    public ModelFormatException error(String problem, long offset) {
        return ModelFormatException.of(file, subject, problem, offset);
    }
}
