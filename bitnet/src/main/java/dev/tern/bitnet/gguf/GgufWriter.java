package dev.tern.bitnet.gguf;

import dev.tern.bitnet.codec.DenseCodec;
import dev.tern.bitnet.codec.TensorDataWriter;
import dev.tern.bitnet.codec.TernaryCodec;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.DenseMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes GGUF version 3 files that llama.cpp and {@link GgufReader} read: metadata in insertion
 * order, tensor infos in insertion order, each tensor's data at the next multiple of the alignment
 * after the previous one and zero-padded to the alignment (llama.cpp requires exactly this
 * sequence of offsets), the alignment being {@code general.alignment} if put (uint32, a power of
 * two) or 32.
 *
 * <p>Tensor bytes are given up front ({@link ByteBuffer}) or produced while the file is written
 * ({@link TensorDataWriter}), so models larger than memory can be written.
 *
 * <p>Refused with {@link IllegalArgumentException} (llama.cpp could not read them): duplicate keys
 * or tensor names, tensor names of 64 bytes or more, arrays of arrays, 0 or more than 4
 * dimensions, zero dimensions, rows that are not whole blocks, data of the wrong size.
 *
 * <pre>{@code
 * new GgufWriter()
 *     .put("general.architecture", GgufValue.string("bitnet"))
 *     .put("bitnet.block_count", GgufValue.uint32(2))
 *     .addTernary("blk.0.attn_q.weight", GgmlType.TQ2_0, weight)
 *     .addDense("output_norm.weight", DenseElementType.F32, norm, 256)
 *     .write(path);
 * }</pre>
 */
public final class GgufWriter {
    /** llama.cpp's GGML_MAX_NAME: names must be shorter, leaving room for the terminating NUL. */
    public static final int MAX_NAME_BYTES = 63;
    private static final int MAX_KEY_BYTES = 65535;

    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    private record Tensor(String name, GgmlType type, long[] dimensions, long byteSize, TensorDataWriter data) {
    }

    /** Adds a metadata entry. */
    public GgufWriter put(String key, GgufValue value) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("metadata key longer than " + MAX_KEY_BYTES + " bytes");
        }
        if (metadata.containsKey(key)) {
            throw new IllegalArgumentException("duplicate metadata key '" + key + "'");
        }
        if (value instanceof GgufValue.NestedArray) {
            throw new IllegalArgumentException("metadata key '" + key + "': llama.cpp cannot read arrays of arrays");
        }
        if (key.equals(GgufReader.ALIGNMENT_KEY)) {
            checkAlignment(value);
        }
        metadata.put(key, value);
        return this;
    }

    /** Adds a tensor from its encoded bytes ({@code data}'s remaining bytes, which are not copied). */
    public GgufWriter addTensor(String name, GgmlType type, long[] dimensions, ByteBuffer data) {
        long size = checkTensor(name, type, dimensions);
        if (data.remaining() != size) {
            throw new IllegalArgumentException("tensor '" + name + "': " + Arrays.toString(dimensions) + " of " + type
                    + " takes " + size + " bytes, got " + data.remaining());
        }
        tensors.put(name, new Tensor(name, type, dimensions.clone(), size, TensorDataWriter.of(data)));
        return this;
    }

    /**
     * Adds a tensor whose bytes {@code data} produces while the file is written (for models larger
     * than memory); it must write exactly the size that {@code type} and {@code dimensions} give.
     */
    public GgufWriter addTensor(String name, GgmlType type, long[] dimensions, TensorDataWriter data) {
        long size = checkTensor(name, type, dimensions);
        tensors.put(name, new Tensor(name, type, dimensions.clone(), size, data));
        return this;
    }

    /** Checks a tensor against llama.cpp's rules and returns its byte size. */
    private long checkTensor(String name, GgmlType type, long[] dimensions) {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("tensor name '" + name + "' must have 1 to " + MAX_NAME_BYTES + " bytes");
        }
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("duplicate tensor name '" + name + "'");
        }
        if (dimensions.length == 0 || dimensions.length > GgufReader.MAX_DIMENSIONS) {
            throw new IllegalArgumentException("tensor '" + name + "' needs 1 to " + GgufReader.MAX_DIMENSIONS
                    + " dimensions, got " + dimensions.length);
        }
        long elements = 1;
        for (long dimension : dimensions) {
            if (dimension <= 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has dimension " + dimension);
            }
            elements = Math.multiplyExact(elements, dimension);
        }
        if (dimensions[0] % type.blockSize() != 0) {
            throw new IllegalArgumentException("tensor '" + name + "': " + type + " rows must hold a multiple of "
                    + type.blockSize() + " elements, got " + dimensions[0]);
        }
        long size = type.byteSize(elements);
        if (size < 0) {
            throw new IllegalArgumentException("tensor '" + name + "': byte size overflows 64 bits");
        }
        return size;
    }

    /** Encodes a BitLinear weight as {@code type} (TQ1_0, TQ2_0 or I2_S) with dimensions {@code [in, out]}. */
    public GgufWriter addTernary(String name, GgmlType type, TernaryWeight weight) {
        TernaryCodec codec = type.ternaryCodec().orElseThrow(() ->
                new IllegalArgumentException(type + " is not a ternary type"));
        return addTensor(name, type, new long[] {weight.inFeatures(), weight.outFeatures()}, codec.encode(weight));
    }

    /**
     * Stores a matrix as F32, F16 or BF16 with the given dimensions (innermost first; their product
     * must be rows x cols), or {@code [cols, rows]} when none are given.
     */
    public GgufWriter addDense(String name, DenseElementType type, DenseMatrix matrix, long... dimensions) {
        long[] shape = dimensions.length == 0 ? new long[] {matrix.cols(), matrix.rows()} : dimensions;
        return addTensor(name, GgmlType.of(type), shape, DenseCodec.encode(matrix, type));
    }

    /** Writes the file, replacing {@code path} if it exists. */
    public void write(Path path) throws IOException {
        int alignment = alignment();
        LittleEndianOutput header = new LittleEndianOutput();
        header.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        header.u32(3);
        header.u64(tensors.size());
        header.u64(metadata.size());
        for (Map.Entry<String, GgufValue> entry : metadata.entrySet()) {
            header.string(entry.getKey());
            header.u32(entry.getValue().type().id());
            writeValue(header, entry.getValue());
        }
        List<Long> offsets = new ArrayList<>();
        long offset = 0;
        for (Tensor tensor : tensors.values()) {
            header.string(tensor.name);
            header.u32(tensor.dimensions.length);
            for (long dimension : tensor.dimensions) {
                header.u64(dimension);
            }
            header.u32(tensor.type.id());
            header.u64(offset);
            offsets.add(offset);
            offset = GgufReader.alignUp(offset + tensor.byteSize, alignment);
        }
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] headerBytes = header.toByteArray();
            TensorDataWriter.writeFully(out, ByteBuffer.wrap(headerBytes));
            long position = headerBytes.length;
            long dataStart = GgufReader.alignUp(position, alignment);
            position = pad(out, position, dataStart);
            int index = 0;
            for (Tensor tensor : tensors.values()) {
                if (position != dataStart + offsets.get(index++)) {
                    throw new IllegalStateException("tensor '" + tensor.name + "' written at the wrong offset");
                }
                TensorDataWriter.writeExactly(tensor.data, out, tensor.byteSize, tensor.name);
                position += tensor.byteSize;
                position = pad(out, position, GgufReader.alignUp(position, alignment));
            }
        }
    }

    private int alignment() {
        GgufValue value = metadata.get(GgufReader.ALIGNMENT_KEY);
        return value == null ? GgufReader.DEFAULT_ALIGNMENT : (int) ((GgufValue.IntegerValue) value).value();
    }

    private static void checkAlignment(GgufValue value) {
        if (!(value instanceof GgufValue.IntegerValue integer) || integer.type() != GgufValueType.UINT32
                || Long.bitCount(integer.value()) != 1 || integer.value() > (1 << 30)) {
            throw new IllegalArgumentException(GgufReader.ALIGNMENT_KEY + " must be a uint32 power of two up to 2^30, got "
                    + value);
        }
    }

    private static void writeValue(LittleEndianOutput out, GgufValue value) {
        if (value instanceof GgufValue.IntegerValue integer) {
            out.integer(integer.type(), integer.value());
        } else if (value instanceof GgufValue.FloatValue f) {
            out.floating(f.type(), f.value());
        } else if (value instanceof GgufValue.BoolValue b) {
            out.u8(b.value() ? 1 : 0);
        } else if (value instanceof GgufValue.StringValue s) {
            out.string(s.value());
        } else if (value instanceof GgufValue.IntegerArray a) {
            out.arrayHeader(a.elementType(), a.size());
            for (int i = 0; i < a.size(); i++) {
                out.integer(a.elementType(), a.get(i));
            }
        } else if (value instanceof GgufValue.FloatArray a) {
            out.arrayHeader(a.elementType(), a.size());
            for (int i = 0; i < a.size(); i++) {
                out.floating(a.elementType(), a.get(i));
            }
        } else if (value instanceof GgufValue.BoolArray a) {
            out.arrayHeader(GgufValueType.BOOL, a.size());
            for (boolean b : a.values()) {
                out.u8(b ? 1 : 0);
            }
        } else if (value instanceof GgufValue.StringArray a) {
            out.arrayHeader(GgufValueType.STRING, a.size());
            for (String s : a.values()) {
                out.string(s);
            }
        } else {
            throw new IllegalStateException("put refuses " + value.describe());
        }
    }

    private static long pad(FileChannel out, long position, long target) throws IOException {
        if (target > position) {
            TensorDataWriter.writeFully(out, ByteBuffer.allocate((int) (target - position)));
        }
        return target;
    }

    /** The header under construction, little-endian. */
    private static final class LittleEndianOutput {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        void bytes(byte[] data) {
            bytes.write(data, 0, data.length);
        }

        void u8(int value) {
            bytes.write(value);
        }

        void u32(long value) {
            scratch.clear();
            scratch.putInt((int) value);
            bytes.write(scratch.array(), 0, 4);
        }

        void u64(long value) {
            scratch.clear();
            scratch.putLong(value);
            bytes.write(scratch.array(), 0, 8);
        }

        void string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            u64(utf8.length);
            bytes(utf8);
        }

        void arrayHeader(GgufValueType elementType, int size) {
            u32(elementType.id());
            u64(size);
        }

        void integer(GgufValueType type, long value) {
            switch (type.minimumBytes()) {
                case 1 -> u8((int) value & 0xFF);
                case 2 -> {
                    u8((int) value & 0xFF);
                    u8((int) (value >>> 8) & 0xFF);
                }
                case 4 -> u32(value);
                default -> u64(value);
            }
        }

        void floating(GgufValueType type, double value) {
            if (type == GgufValueType.FLOAT32) {
                u32(Float.floatToRawIntBits((float) value));
            } else {
                u64(Double.doubleToRawLongBits(value));
            }
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
