package dev.tern.bitnet.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.bitnet.codec.DenseCodec;
import dev.tern.bitnet.codec.HfPackedTernaryCodec;
import dev.tern.bitnet.codec.ScaleConvention;
import dev.tern.bitnet.codec.TensorDataWriter;
import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.DenseMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes safetensors files as the reference implementation does: 8-byte little-endian header
 * length, the JSON header ({@code __metadata__} first, then the tensors in insertion order with
 * contiguous {@code data_offsets}) padded with spaces to a multiple of 8 bytes, then the data.
 * {@link #writeSharded} splits the tensors over {@code model-0000i-of-0000n.safetensors} files with
 * a {@code model.safetensors.index.json}, as transformers' {@code save_pretrained} does. Tensor
 * bytes are given up front or produced while the file is written ({@link TensorDataWriter}).
 */
public final class SafetensorsWriter {
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    private record Tensor(String name, SafetensorsDtype dtype, long[] shape, long byteSize, TensorDataWriter data) {
    }

    /** Adds a {@code __metadata__} entry. */
    public SafetensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Adds a tensor of {@code shape} (outermost first) from its bytes ({@code data}'s remaining bytes). */
    public SafetensorsWriter add(String name, SafetensorsDtype dtype, long[] shape, ByteBuffer data) {
        long size = checkTensor(name, dtype, shape);
        if (data.remaining() != size) {
            throw new IllegalArgumentException("tensor '" + name + "': " + dtype + " " + Arrays.toString(shape)
                    + " takes " + size + " bytes, got " + data.remaining());
        }
        tensors.put(name, new Tensor(name, dtype, shape.clone(), size, TensorDataWriter.of(data)));
        return this;
    }

    /**
     * Adds a tensor whose bytes {@code data} produces while the file is written (for models larger
     * than memory); it must write exactly the size that {@code dtype} and {@code shape} give.
     */
    public SafetensorsWriter add(String name, SafetensorsDtype dtype, long[] shape, TensorDataWriter data) {
        long size = checkTensor(name, dtype, shape);
        tensors.put(name, new Tensor(name, dtype, shape.clone(), size, data));
        return this;
    }

    private long checkTensor(String name, SafetensorsDtype dtype, long[] shape) {
        if (name.equals(SafetensorsReader.METADATA_KEY) || tensors.containsKey(name)) {
            throw new IllegalArgumentException("tensor name '" + name + "' is reserved or already used");
        }
        long elements = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has dimension " + dimension);
            }
            elements = Math.multiplyExact(elements, dimension);
        }
        return Math.multiplyExact(elements, dtype.bytes());
    }

    /** Stores a matrix as F32, F16 or BF16 with {@code shape}, or {@code [rows, cols]} when none is given. */
    public SafetensorsWriter addDense(String name, DenseElementType type, DenseMatrix matrix, long... shape) {
        long[] dims = shape.length == 0 ? new long[] {matrix.rows(), matrix.cols()} : shape;
        return add(name, SafetensorsDtype.of(type), dims, DenseCodec.encode(matrix, type));
    }

    /**
     * Stores a BitLinear weight in the Hugging Face packed layout (U8 {@code [out/4, in]}) and its
     * scale as a one-element tensor of shape [1] in {@code scaleType}, stored per {@code convention}.
     */
    public SafetensorsWriter addPackedTernary(String weightName, String scaleName, TernaryWeight weight,
                                              ScaleConvention convention, DenseElementType scaleType) {
        byte[] packed = HfPackedTernaryCodec.encode(weight);
        add(weightName, SafetensorsDtype.U8, new long[] {weight.outFeatures() / 4, weight.inFeatures()},
                ByteBuffer.wrap(packed));
        float stored = convention.stored(weight.scale());
        return addDense(scaleName, scaleType, BufferDenseMatrix.of(scaleType, 1, 1, new float[] {stored}), 1);
    }

    /** Writes all tensors to one file. */
    public void write(Path file) throws IOException {
        writeFile(file, new ArrayList<>(tensors.values()));
    }

    /**
     * Writes the tensors to shards of at most {@code maxShardBytes} of data each (a larger tensor
     * gets a shard of its own) in {@code directory}, plus {@code model.safetensors.index.json}.
     *
     * @return the shard files, in order
     */
    public List<Path> writeSharded(Path directory, long maxShardBytes) throws IOException {
        List<List<Tensor>> groups = new ArrayList<>();
        List<Tensor> current = new ArrayList<>();
        long currentBytes = 0;
        long totalBytes = 0;
        for (Tensor tensor : tensors.values()) {
            long size = tensor.byteSize;
            if (!current.isEmpty() && currentBytes + size > maxShardBytes) {
                groups.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(tensor);
            currentBytes += size;
            totalBytes += size;
        }
        if (!current.isEmpty() || groups.isEmpty()) {
            groups.add(current);
        }
        Files.createDirectories(directory);
        ObjectNode index = SafetensorsJson.MAPPER.createObjectNode();
        index.putObject("metadata").put("total_size", totalBytes);
        ObjectNode weightMap = index.putObject("weight_map");
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            String shardName = String.format("model-%05d-of-%05d.safetensors", i + 1, groups.size());
            Path shard = directory.resolve(shardName);
            writeFile(shard, groups.get(i));
            shards.add(shard);
            for (Tensor tensor : groups.get(i)) {
                weightMap.put(tensor.name, shardName);
            }
        }
        Files.write(directory.resolve(SafetensorsCheckpoint.INDEX_FILE),
                SafetensorsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
        return shards;
    }

    private void writeFile(Path file, List<Tensor> contents) throws IOException {
        byte[] header = header(contents);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
            TensorDataWriter.writeFully(out, length);
            TensorDataWriter.writeFully(out, ByteBuffer.wrap(header));
            for (Tensor tensor : contents) {
                TensorDataWriter.writeExactly(tensor.data, out, tensor.byteSize, tensor.name);
            }
        }
    }

    private byte[] header(List<Tensor> contents) {
        ObjectNode root = SafetensorsJson.MAPPER.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(SafetensorsReader.METADATA_KEY);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Tensor tensor : contents) {
            ObjectNode entry = root.putObject(tensor.name);
            entry.put("dtype", tensor.dtype.name());
            var shape = entry.putArray("shape");
            for (long dimension : tensor.shape) {
                shape.add(dimension);
            }
            long end = offset + tensor.byteSize;
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        try {
            byte[] json = SafetensorsJson.MAPPER.writeValueAsBytes(root);
            int padded = (json.length + 7) / 8 * 8;
            byte[] header = Arrays.copyOf(json, padded);
            Arrays.fill(header, json.length, padded, (byte) ' ');
            return header;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render a safetensors header", e);
        }
    }
}
