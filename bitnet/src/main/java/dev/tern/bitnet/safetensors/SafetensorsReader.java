package dev.tern.bitnet.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.bitnet.codec.MappedFile;
import dev.tern.bitnet.codec.ModelFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens one safetensors file and validates it: an 8-byte little-endian header length (checked
 * against the file and a 100 MB limit before anything is allocated), a JSON object header (no
 * duplicate names, nothing after it), an optional {@code __metadata__} object of strings, and for
 * every tensor a known {@code dtype}, a {@code shape} of non-negative integers whose element count
 * does not overflow, and {@code data_offsets} {@code [begin, end]} inside the data section, matching
 * the dtype and shape, not overlapping another tensor. Tensor data stays in the file and is mapped
 * on demand. For a whole checkpoint (directory, shard index or file) use
 * {@link SafetensorsCheckpoint#open}.
 */
public final class SafetensorsReader {
    /** The safetensors reference implementation's limit on the header size. */
    public static final long MAX_HEADER_BYTES = 100_000_000;
    public static final String METADATA_KEY = "__metadata__";

    private SafetensorsReader() {
    }

    /** Opens and validates one file; it must be closed. */
    public static SafetensorsFile open(Path path) throws IOException {
        MappedFile file = MappedFile.open(path);
        try {
            return parse(file);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static SafetensorsFile parse(MappedFile file) {
        if (file.size() < 8) {
            throw error(file, "header", "truncated: the 8-byte header length needs 8 bytes, the file has "
                    + file.size(), 0);
        }
        long headerLength = file.map(0, 8, "header").getLong(0);
        if (headerLength < 0 || headerLength > file.size() - 8) {
            throw error(file, "header", "header length " + Long.toUnsignedString(headerLength) + " exceeds the "
                    + (file.size() - 8) + " bytes after it", 0);
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw error(file, "header", "header length " + headerLength + " exceeds the limit of "
                    + MAX_HEADER_BYTES + " bytes", 0);
        }
        ByteBuffer headerBytes = file.map(8, headerLength, "header");
        byte[] json = new byte[(int) headerLength];
        headerBytes.get(json);
        JsonNode root = SafetensorsJson.parseObject(json, file.name(), "header", 8);
        long dataOffset = 8 + headerLength;
        long dataLength = file.size() - dataOffset;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<SafetensorsTensorInfo> tensors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                readMetadata(file, field.getValue(), metadata);
            } else {
                tensors.add(readTensor(file, field.getKey(), field.getValue(), dataOffset, dataLength));
            }
        }
        checkOverlaps(file, tensors);
        return new SafetensorsFile(file, dataOffset, metadata, tensors);
    }

    private static void readMetadata(MappedFile file, JsonNode node, Map<String, String> metadata) {
        if (!node.isObject()) {
            throw error(file, METADATA_KEY, "expected an object of strings, found " + node.getNodeType(), -1);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw error(file, METADATA_KEY + " key '" + field.getKey() + "'", "expected a string, found "
                        + field.getValue().getNodeType(), -1);
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
    }

    private static SafetensorsTensorInfo readTensor(MappedFile file, String name, JsonNode node, long dataOffset,
                                                    long dataLength) {
        String subject = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw error(file, subject, "expected an object with dtype, shape and data_offsets, found "
                    + node.getNodeType(), -1);
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw error(file, subject, "dtype is missing or not a string", -1);
        }
        SafetensorsDtype dtype = SafetensorsDtype.parse(dtypeNode.textValue()).orElseThrow(() ->
                error(file, subject, "unknown dtype '" + dtypeNode.textValue() + "'", -1));
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw error(file, subject, "shape is missing or not an array", -1);
        }
        long[] shape = new long[shapeNode.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = SafetensorsJson.nonNegativeLong(shapeNode.get(i));
            if (shape[i] < 0) {
                throw error(file, subject, "shape element " + i + " is " + shapeNode.get(i)
                        + ", expected a non-negative integer", -1);
            }
            try {
                elements = Math.multiplyExact(elements, shape[i]);
            } catch (ArithmeticException overflow) {
                throw error(file, subject, "element count of shape " + shapeNode + " overflows 64 bits", -1);
            }
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2) {
            throw error(file, subject, "data_offsets is missing or not [begin, end]", -1);
        }
        long begin = SafetensorsJson.nonNegativeLong(offsets.get(0));
        long end = SafetensorsJson.nonNegativeLong(offsets.get(1));
        if (begin < 0 || end < 0 || begin > end) {
            throw error(file, subject, "data_offsets " + offsets + " are not integers with 0 <= begin <= end", -1);
        }
        if (end > dataLength) {
            throw error(file, subject, "data_offsets " + offsets + " end beyond the data section ("
                    + dataLength + " bytes)", dataOffset + begin);
        }
        long expected;
        try {
            expected = Math.multiplyExact(elements, dtype.bytes());
        } catch (ArithmeticException overflow) {
            throw error(file, subject, "byte size of shape " + shapeNode + " overflows 64 bits", -1);
        }
        if (end - begin != expected) {
            throw error(file, subject, "data_offsets " + offsets + " hold " + (end - begin) + " bytes, but "
                    + dtype + " " + shapeNode + " needs " + expected, dataOffset + begin);
        }
        return new SafetensorsTensorInfo(name, dtype, shape, begin, end, dataOffset + begin);
    }

    private static void checkOverlaps(MappedFile file, List<SafetensorsTensorInfo> tensors) {
        List<SafetensorsTensorInfo> byBegin = new ArrayList<>(tensors);
        byBegin.sort(Comparator.comparingLong(SafetensorsTensorInfo::begin));
        SafetensorsTensorInfo furthest = null;
        for (SafetensorsTensorInfo current : byBegin) {
            if (current.byteSize() == 0) {
                continue; // an empty tensor occupies nothing
            }
            if (furthest != null && current.begin() < furthest.end()) {
                throw error(file, "tensor '" + current.name() + "'", "data_offsets [" + current.begin() + ", "
                        + current.end() + "] overlap tensor '" + furthest.name() + "' [" + furthest.begin() + ", "
                        + furthest.end() + "]", current.fileOffset());
            }
            if (furthest == null || current.end() > furthest.end()) {
                furthest = current;
            }
        }
    }

    private static ModelFormatException error(MappedFile file, String subject, String problem, long offset) {
        return ModelFormatException.of(file.name(), subject, problem, offset);
    }
}
