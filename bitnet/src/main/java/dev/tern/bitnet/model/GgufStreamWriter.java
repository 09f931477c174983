package dev.tern.bitnet.model;

import dev.tern.bitnet.gguf.GgmlType;
import dev.tern.bitnet.gguf.GgufValue;
import dev.tern.bitnet.gguf.GgufValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GGUF v3 file whose tensor data is produced tensor by tensor while the file is written, so a
 * model larger than memory (the 2B-shaped preset) can be written. The header needs only each tensor's type
 * and dimensions; {@link dev.tern.bitnet.gguf.GgufWriter} instead takes every tensor's bytes up front.
 * Layout as llama.cpp expects: data aligned to 32 bytes, each tensor padded to the alignment.
 */
public final class GgufStreamWriter {
    private static final int ALIGNMENT = 32;

    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    private record Tensor(String name, GgmlType type, long[] dimensions, long size, TensorBytes bytes) {
    }

    public GgufStreamWriter put(String key, GgufValue value) {
        if (metadata.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("duplicate metadata key '" + key + "'");
        }
        return this;
    }

    /** Adds a tensor of {@code dimensions} (innermost first) whose bytes {@code bytes} will write. */
    public GgufStreamWriter tensor(String name, GgmlType type, long[] dimensions, TensorBytes bytes) {
        long elements = 1;
        for (long d : dimensions) {
            elements = Math.multiplyExact(elements, d);
        }
        if (dimensions[0] % type.blockSize() != 0) {
            throw new IllegalArgumentException("tensor '" + name + "': " + type + " rows must hold a multiple of "
                    + type.blockSize() + " values, got " + dimensions[0]);
        }
        if (tensors.stream().anyMatch(t -> t.name.equals(name))) {
            throw new IllegalArgumentException("duplicate tensor name '" + name + "'");
        }
        tensors.add(new Tensor(name, type, dimensions.clone(), type.byteSize(elements), bytes));
        return this;
    }

    public void write(Path path) throws IOException {
        Header header = new Header();
        header.raw("GGUF".getBytes(StandardCharsets.US_ASCII));
        header.u32(3);
        header.u64(tensors.size());
        header.u64(metadata.size());
        metadata.forEach((key, value) -> {
            header.string(key);
            header.u32(value.type().id());
            header.value(value);
        });
        long offset = 0;
        for (Tensor t : tensors) {
            header.string(t.name);
            header.u32(t.dimensions.length);
            for (long d : t.dimensions) {
                header.u64(d);
            }
            header.u32(t.type.id());
            header.u64(offset);
            offset = alignUp(offset + t.size, ALIGNMENT);
        }
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] bytes = header.bytes.toByteArray();
            TensorBytes.writeFully(file, ByteBuffer.wrap(bytes));
            padTo(file, alignUp(bytes.length, ALIGNMENT));
            for (Tensor t : tensors) {
                long start = file.position();
                t.bytes.writeTo(file);
                long written = file.position() - start;
                if (written != t.size) {
                    throw new IllegalStateException("tensor '" + t.name + "' wrote " + written + " bytes, its "
                            + t.type + " shape needs " + t.size);
                }
                padTo(file, alignUp(file.position(), ALIGNMENT));
            }
        }
    }

    private static long alignUp(long position, long alignment) {
        return (position + alignment - 1) / alignment * alignment;
    }

    private static void padTo(FileChannel file, long target) throws IOException {
        if (target > file.position()) {
            TensorBytes.writeFully(file, ByteBuffer.allocate((int) (target - file.position())));
        }
    }

    /** The little-endian header being assembled. */
    private static final class Header {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        void raw(byte[] data) {
            bytes.write(data, 0, data.length);
        }

        void integer(GgufValueType type, long value) {
            scratch.clear();
            scratch.putLong(value);
            bytes.write(scratch.array(), 0, type.minimumBytes());
        }

        void u32(long value) {
            integer(GgufValueType.UINT32, value);
        }

        void u64(long value) {
            integer(GgufValueType.UINT64, value);
        }

        void floating(GgufValueType type, double value) {
            if (type == GgufValueType.FLOAT32) {
                u32(Float.floatToRawIntBits((float) value) & 0xFFFF_FFFFL);
            } else {
                u64(Double.doubleToRawLongBits(value));
            }
        }

        void string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            u64(utf8.length);
            raw(utf8);
        }

        void value(GgufValue value) {
            if (value instanceof GgufValue.IntegerValue v) {
                integer(v.type(), v.value());
            } else if (value instanceof GgufValue.FloatValue v) {
                floating(v.type(), v.value());
            } else if (value instanceof GgufValue.BoolValue v) {
                bytes.write(v.value() ? 1 : 0);
            } else if (value instanceof GgufValue.StringValue v) {
                string(v.value());
            } else if (value instanceof GgufValue.StringArray v) {
                u32(GgufValueType.STRING.id());
                u64(v.size());
                v.values().forEach(this::string);
            } else if (value instanceof GgufValue.IntegerArray v) {
                u32(v.elementType().id());
                u64(v.size());
                for (long element : v.values()) {
                    integer(v.elementType(), element);
                }
            } else if (value instanceof GgufValue.FloatArray v) {
                u32(v.elementType().id());
                u64(v.size());
                for (double element : v.values()) {
                    floating(v.elementType(), element);
                }
            } else if (value instanceof GgufValue.BoolArray v) {
                u32(GgufValueType.BOOL.id());
                u64(v.size());
                for (boolean element : v.values()) {
                    bytes.write(element ? 1 : 0);
                }
            } else {
                throw new IllegalArgumentException("GGUF cannot hold " + value.describe());
            }
        }
    }
}
