package dev.tern.bitnet.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds GGUF bytes field by field, so tests can write the lies a damaged file tells. */
final class GgufBytes {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Magic, version 3 and the two counts. */
    static GgufBytes header(long tensorCount, long entryCount) {
        return new GgufBytes().raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(3).u64(tensorCount).u64(entryCount);
    }

    GgufBytes raw(byte... data) {
        bytes.write(data, 0, data.length);
        return this;
    }

    GgufBytes u8(int value) {
        bytes.write(value);
        return this;
    }

    GgufBytes u32(long value) {
        return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
    }

    GgufBytes u64(long value) {
        return raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    GgufBytes string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return u64(utf8.length).raw(utf8);
    }

    /** A metadata entry of a string value. */
    GgufBytes stringEntry(String key, String value) {
        return string(key).u32(GgufValueType.STRING.id()).string(value);
    }

    /** A metadata entry of a uint32 value. */
    GgufBytes uint32Entry(String key, long value) {
        return string(key).u32(GgufValueType.UINT32.id()).u32(value);
    }

    /** A tensor info. */
    GgufBytes tensor(String name, GgmlType type, long offset, long... dimensions) {
        string(name).u32(dimensions.length);
        for (long dimension : dimensions) {
            u64(dimension);
        }
        return u32(type.id()).u64(offset);
    }

    /** Zero bytes up to the next multiple of {@code alignment}. */
    GgufBytes padTo(int alignment) {
        while (bytes.size() % alignment != 0) {
            bytes.write(0);
        }
        return this;
    }

    GgufBytes zeros(int count) {
        return raw(new byte[count]);
    }

    int size() {
        return bytes.size();
    }

    Path writeTo(Path path) throws IOException {
        Files.write(path, bytes.toByteArray());
        return path;
    }
}
