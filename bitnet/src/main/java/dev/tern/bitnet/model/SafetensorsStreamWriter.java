package dev.tern.bitnet.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.bitnet.safetensors.SafetensorsDtype;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one safetensors file whose tensor data is produced tensor by tensor while the file is written
 * (the header needs only dtypes and shapes), for models larger than memory. Layout as the reference
 * implementation writes it: 8-byte header length, JSON header padded with spaces to 8 bytes, data.
 */
public final class SafetensorsStreamWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Tensor> tensors = new ArrayList<>();

    private record Tensor(String name, SafetensorsDtype dtype, long[] shape, long size, TensorBytes bytes) {
    }

    /** Adds a tensor of {@code shape} (outermost first) whose bytes {@code bytes} will write. */
    public SafetensorsStreamWriter tensor(String name, SafetensorsDtype dtype, long[] shape, TensorBytes bytes) {
        long elements = 1;
        for (long d : shape) {
            elements = Math.multiplyExact(elements, d);
        }
        if (tensors.stream().anyMatch(t -> t.name.equals(name))) {
            throw new IllegalArgumentException("duplicate tensor name '" + name + "'");
        }
        tensors.add(new Tensor(name, dtype, shape.clone(), Math.multiplyExact(elements, dtype.bytes()), bytes));
        return this;
    }

    public void write(Path path) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        long offset = 0;
        for (Tensor t : tensors) {
            ObjectNode entry = root.putObject(t.name);
            entry.put("dtype", t.dtype.name());
            ArrayNode shape = entry.putArray("shape");
            Arrays.stream(t.shape).forEach(shape::add);
            entry.putArray("data_offsets").add(offset).add(offset + t.size);
            offset += t.size;
        }
        byte[] json = JSON.writeValueAsBytes(root);
        byte[] header = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(header, json.length, header.length, (byte) ' ');
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            TensorBytes.writeFully(file, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length));
            TensorBytes.writeFully(file, ByteBuffer.wrap(header));
            for (Tensor t : tensors) {
                long start = file.position();
                t.bytes.writeTo(file);
                if (file.position() - start != t.size) {
                    throw new IllegalStateException("tensor '" + t.name + "' wrote " + (file.position() - start)
                            + " bytes, its shape needs " + t.size);
                }
            }
        }
    }
}
