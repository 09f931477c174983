package dev.tern.bitnet.safetensors;

import dev.tern.bitnet.codec.MappedFile;
import dev.tern.bitnet.codec.ModelFormatException;
import dev.tern.bitnet.codec.TensorLocation;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One open, validated safetensors file (from {@link SafetensorsReader#open}): its
 * {@code __metadata__}, its tensors in header order and their bytes, mapped on demand. Decoding
 * into matrices is {@link SafetensorsCheckpoint}'s job, which also spans shards.
 */
public final class SafetensorsFile implements Closeable {
    private final MappedFile file;
    private final long dataOffset;
    private final Map<String, String> metadata;
    private final List<SafetensorsTensorInfo> tensors;
    private final Map<String, SafetensorsTensorInfo> byName = new LinkedHashMap<>();

    SafetensorsFile(MappedFile file, long dataOffset, Map<String, String> metadata, List<SafetensorsTensorInfo> tensors) {
        this.file = file;
        this.dataOffset = dataOffset;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.tensors = List.copyOf(tensors);
        for (SafetensorsTensorInfo tensor : tensors) {
            byName.put(tensor.name(), tensor);
        }
    }

    public Path path() {
        return file.path();
    }

    public String fileName() {
        return file.name();
    }

    /** File offset of the data section: 8 + the header length. */
    public long dataOffset() {
        return dataOffset;
    }

    /** The header's {@code __metadata__} (empty when absent). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Tensors in header order. */
    public List<SafetensorsTensorInfo> tensors() {
        return tensors;
    }

    public boolean hasTensor(String name) {
        return byName.containsKey(name);
    }

    public Optional<SafetensorsTensorInfo> findTensor(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public SafetensorsTensorInfo tensor(String name) {
        SafetensorsTensorInfo tensor = byName.get(name);
        if (tensor == null) {
            throw ModelFormatException.of(file.name(), "tensor '" + name + "'", "is not in the file",
                    ModelFormatException.NO_OFFSET);
        }
        return tensor;
    }

    /** The tensor's bytes, read-only, little-endian, mapped from the file. */
    public ByteBuffer tensorData(String name) {
        SafetensorsTensorInfo tensor = tensor(name);
        return file.map(tensor.fileOffset(), tensor.byteSize(), "tensor '" + name + "'");
    }

    public TensorLocation location(String name) {
        return new TensorLocation(file.name(), name, tensor(name).fileOffset());
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    @Override
    public String toString() {
        return "SafetensorsFile[" + file.name() + ", " + tensors.size() + " tensors]";
    }
}
