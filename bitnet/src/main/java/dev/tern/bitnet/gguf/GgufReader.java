package dev.tern.bitnet.gguf;

import dev.tern.bitnet.codec.LittleEndianCursor;
import dev.tern.bitnet.codec.MappedFile;
import dev.tern.bitnet.codec.ModelFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opens GGUF files (versions 2 and 3, little-endian) and validates their structure before anything
 * is used: magic, version, every metadata value (all 13 value types, nested arrays, strict UTF-8),
 * {@code general.alignment} (uint32, a power of two, default 32), tensor infos (unique names,
 * 1 to 4 dimensions, none zero, element count without overflow, known type, rows of whole blocks)
 * and tensor data (aligned offsets, inside the file, not overlapping). Every length and count read
 * from the file is checked against the bytes that remain before it sizes anything, so a damaged or
 * hostile file gives a one-line {@link dev.tern.bitnet.codec.ModelFormatException}, never an
 * out-of-memory error or a long loop.
 *
 * <p>The header is read from a memory mapping of the file's first 2 GiB; tensors are mapped on
 * demand by {@link GgufFile}, so files of any size open in constant memory (plus the metadata).
 */
public final class GgufReader {
    /** The alignment when a file has no {@code general.alignment}. */
    public static final int DEFAULT_ALIGNMENT = 32;
    public static final String ALIGNMENT_KEY = "general.alignment";
    /** ggml's limit on dimensions per tensor. */
    public static final int MAX_DIMENSIONS = 4;
    private static final byte[] MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);
    /** Arrays nested deeper than this are refused (each level costs only 12 bytes of file). */
    private static final int MAX_ARRAY_DEPTH = 8;
    /** Smallest metadata entry: key length, value type, one byte of value. */
    private static final int MIN_ENTRY_BYTES = 8 + 4 + 1;
    /** Smallest tensor info: name length, dimension count, one dimension, type, offset. */
    private static final int MIN_TENSOR_INFO_BYTES = 8 + 4 + 8 + 4 + 8;

    private GgufReader() {
    }

    /**
     * Opens and validates {@code path}. The returned file must be closed. A missing or unreadable
     * file is an {@link IOException}; a malformed one a {@code ModelFormatException}.
     */
    public static GgufFile open(Path path) throws IOException {
        MappedFile file = MappedFile.open(path);
        try {
            return parse(file);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static GgufFile parse(MappedFile file) {
        LittleEndianCursor in = new LittleEndianCursor(file.name(), file.mapHeaderWindow(), file.size());
        int version = readPreamble(in);
        long tensorCount = in.i64("tensor count");
        long entryCount = in.i64("metadata entry count");
        in.requireCount(entryCount, MIN_ENTRY_BYTES, "metadata entry count");
        Map<String, GgufValue> entries = new LinkedHashMap<>();
        for (long i = 0; i < entryCount; i++) {
            readEntry(in, i, entries);
        }
        GgufMetadata metadata = new GgufMetadata(file.name(), entries);
        int alignment = alignment(in, metadata);
        in.subject("tensor infos");
        in.requireCount(tensorCount, MIN_TENSOR_INFO_BYTES, "tensor count");
        List<PendingTensor> pending = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            PendingTensor tensor = readTensorInfo(in, i);
            if (!names.add(tensor.name)) {
                throw in.error("duplicate tensor name", tensor.infoOffset);
            }
            pending.add(tensor);
        }
        long dataOffset = alignUp(in.position(), alignment);
        List<GgufTensorInfo> tensors = locate(in, pending, dataOffset, alignment, file.size());
        return new GgufFile(file, version, alignment, dataOffset, metadata, tensors);
    }

    private static int readPreamble(LittleEndianCursor in) {
        in.subject("header");
        byte[] magic = in.bytes(4, "magic");
        if (!Arrays.equals(magic, MAGIC)) {
            throw in.error("not a GGUF file: magic is " + printable(magic) + ", expected 'GGUF'", 0);
        }
        long version = in.u32("version");
        if (version == 2 || version == 3) {
            return (int) version;
        }
        long swapped = Integer.reverseBytes((int) version) & 0xFFFF_FFFFL;
        if (swapped == 2 || swapped == 3) {
            throw in.error("big-endian GGUF (version " + swapped + ") is not supported", 4);
        }
        throw in.error("unsupported GGUF version " + version + " (expected 3, or 2 which has the same layout)", 4);
    }

    private static void readEntry(LittleEndianCursor in, long index, Map<String, GgufValue> entries) {
        long start = in.position();
        in.subject("metadata entry " + index);
        String key = readString(in, "key length", "key");
        in.subject("metadata key '" + key + "'");
        if (entries.containsKey(key)) {
            throw in.error("duplicate key", start);
        }
        GgufValueType type = readValueType(in, "value type");
        entries.put(key, readValue(in, type, 0));
    }

    private static GgufValueType readValueType(LittleEndianCursor in, String field) {
        long position = in.position();
        long id = in.u32(field);
        return GgufValueType.byId(id).orElseThrow(() ->
                in.error("unknown " + field + " " + id + " (GGUF defines 0 to 12)", position));
    }

    private static GgufValue readValue(LittleEndianCursor in, GgufValueType type, int depth) {
        return switch (type) {
            case UINT8 -> new GgufValue.IntegerValue(type, in.u8("uint8 value"));
            case INT8 -> new GgufValue.IntegerValue(type, (byte) in.u8("int8 value"));
            case UINT16 -> new GgufValue.IntegerValue(type, in.u16("uint16 value"));
            case INT16 -> new GgufValue.IntegerValue(type, (short) in.u16("int16 value"));
            case UINT32 -> new GgufValue.IntegerValue(type, in.u32("uint32 value"));
            case INT32 -> new GgufValue.IntegerValue(type, in.i32("int32 value"));
            case UINT64 -> new GgufValue.IntegerValue(type, in.i64("uint64 value"));
            case INT64 -> new GgufValue.IntegerValue(type, in.i64("int64 value"));
            case FLOAT32 -> new GgufValue.FloatValue(type, in.f32("float32 value"));
            case FLOAT64 -> new GgufValue.FloatValue(type, in.f64("float64 value"));
            case BOOL -> new GgufValue.BoolValue(readBool(in));
            case STRING -> new GgufValue.StringValue(readString(in, "string length", "string"));
            case ARRAY -> readArray(in, depth + 1);
        };
    }

    private static boolean readBool(LittleEndianCursor in) {
        long position = in.position();
        int value = in.u8("bool value");
        if (value > 1) {
            throw in.error("bool value is " + value + ", expected 0 or 1", position);
        }
        return value == 1;
    }

    private static GgufValue.ArrayValue readArray(LittleEndianCursor in, int depth) {
        long start = in.position();
        if (depth > MAX_ARRAY_DEPTH) {
            throw in.error("arrays nested deeper than " + MAX_ARRAY_DEPTH, start);
        }
        GgufValueType elementType = readValueType(in, "array element type");
        long count = in.i64("array length");
        in.requireCount(count, elementType.minimumBytes(), "array length");
        int n = (int) count; // fits: the window holding the elements is below 2 GiB
        if (elementType.isInteger()) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = ((GgufValue.IntegerValue) readValue(in, elementType, depth)).value();
            }
            return new GgufValue.IntegerArray(elementType, values);
        }
        return switch (elementType) {
            case FLOAT32, FLOAT64 -> {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = elementType == GgufValueType.FLOAT32 ? in.f32("float32 element") : in.f64("float64 element");
                }
                yield new GgufValue.FloatArray(elementType, values);
            }
            case BOOL -> {
                boolean[] values = new boolean[n];
                for (int i = 0; i < n; i++) {
                    values[i] = readBool(in);
                }
                yield new GgufValue.BoolArray(values);
            }
            case STRING -> {
                List<String> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(readString(in, "string length", "string"));
                }
                yield new GgufValue.StringArray(values);
            }
            case ARRAY -> {
                List<GgufValue.ArrayValue> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(readArray(in, depth + 1));
                }
                yield new GgufValue.NestedArray(values);
            }
            default -> throw new IllegalStateException("unhandled element type " + elementType);
        };
    }

    private static String readString(LittleEndianCursor in, String lengthField, String field) {
        long length = in.i64(lengthField);
        return in.utf8(length, field);
    }

    private static int alignment(LittleEndianCursor in, GgufMetadata metadata) {
        if (!metadata.has(ALIGNMENT_KEY)) {
            return DEFAULT_ALIGNMENT;
        }
        in.subject("metadata key '" + ALIGNMENT_KEY + "'");
        GgufValue value = metadata.get(ALIGNMENT_KEY);
        if (!(value instanceof GgufValue.IntegerValue integer) || integer.type() != GgufValueType.UINT32) {
            throw in.error("expected uint32, found " + value.describe(), ModelFormatException.NO_OFFSET);
        }
        long alignment = integer.value();
        if (alignment == 0 || Long.bitCount(alignment) != 1 || alignment > (1 << 30)) {
            throw in.error("alignment " + alignment + " is not a power of two up to 2^30", ModelFormatException.NO_OFFSET);
        }
        return (int) alignment;
    }

    private record PendingTensor(String name, GgmlType type, long[] dimensions, long offset, long byteSize,
                                 long infoOffset) {
    }

    private static PendingTensor readTensorInfo(LittleEndianCursor in, long index) {
        long start = in.position();
        in.subject("tensor " + index);
        String name = readString(in, "name length", "name");
        in.subject("tensor '" + name + "'");
        long dimensionsAt = in.position();
        long count = in.u32("dimension count");
        if (count == 0 || count > MAX_DIMENSIONS) {
            throw in.error("has " + count + " dimensions, expected 1 to " + MAX_DIMENSIONS, dimensionsAt);
        }
        long[] dimensions = new long[(int) count];
        long elements = 1;
        for (int i = 0; i < count; i++) {
            long at = in.position();
            long dimension = in.i64("dimension");
            if (dimension == 0) {
                throw in.error("dimension " + i + " is 0", at);
            }
            if (dimension < 0) {
                throw in.error("dimension " + i + " is " + Long.toUnsignedString(dimension) + ", above 2^63 - 1", at);
            }
            dimensions[i] = dimension;
            try {
                elements = Math.multiplyExact(elements, dimension);
            } catch (ArithmeticException overflow) {
                throw in.error("element count of dimensions " + Arrays.toString(Arrays.copyOf(dimensions, i + 1))
                        + " overflows 64 bits", dimensionsAt);
            }
        }
        long typeAt = in.position();
        long typeId = in.u32("tensor type");
        GgmlType type = GgmlType.byId(typeId).orElseThrow(() ->
                in.error("unknown tensor type " + typeId, typeAt));
        if (dimensions[0] % type.blockSize() != 0) {
            throw in.error(type + " rows must hold a multiple of " + type.blockSize() + " elements, found "
                    + dimensions[0], dimensionsAt);
        }
        long byteSize = type.byteSize(elements);
        if (byteSize < 0) {
            throw in.error("byte size of " + elements + " " + type + " elements overflows 64 bits", dimensionsAt);
        }
        long offset = in.i64("data offset");
        return new PendingTensor(name, type, dimensions, offset, byteSize, start);
    }

    private static List<GgufTensorInfo> locate(LittleEndianCursor in, List<PendingTensor> pending, long dataOffset,
                                               int alignment, long fileSize) {
        long dataLength = Math.max(0, fileSize - dataOffset);
        List<GgufTensorInfo> tensors = new ArrayList<>(pending.size());
        for (PendingTensor t : pending) {
            in.subject("tensor '" + t.name + "'");
            if (t.offset < 0) {
                throw in.error("data offset " + Long.toUnsignedString(t.offset) + " is beyond any file", t.infoOffset);
            }
            if (t.offset % alignment != 0) {
                throw in.error("data offset " + t.offset + " is not a multiple of the alignment " + alignment,
                        t.infoOffset);
            }
            if (t.offset > dataLength || t.byteSize > dataLength - t.offset) {
                throw in.error("data [" + (dataOffset + t.offset) + ", " + (dataOffset + t.offset + t.byteSize)
                        + ") extends past the end of the file (" + fileSize + " bytes)", t.infoOffset);
            }
            tensors.add(new GgufTensorInfo(t.name, t.type, t.dimensions, t.offset, dataOffset + t.offset, t.byteSize));
        }
        List<GgufTensorInfo> byOffset = new ArrayList<>(tensors);
        byOffset.sort(Comparator.comparingLong(GgufTensorInfo::offset));
        for (int i = 1; i < byOffset.size(); i++) {
            GgufTensorInfo previous = byOffset.get(i - 1);
            GgufTensorInfo current = byOffset.get(i);
            if (previous.offset() + previous.byteSize() > current.offset()) {
                in.subject("tensor '" + current.name() + "'");
                throw in.error("data at " + current.fileOffset() + " overlaps tensor '" + previous.name()
                        + "' [" + previous.fileOffset() + ", " + (previous.fileOffset() + previous.byteSize()) + ")",
                        current.fileOffset());
            }
        }
        return tensors;
    }

    static long alignUp(long position, long alignment) {
        long remainder = position % alignment;
        return remainder == 0 ? position : position + alignment - remainder;
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder("'");
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xFF));
        }
        return text.append('\'').toString();
    }
}
