package dev.tern.bitnet.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.bitnet.codec.DenseCodec;
import dev.tern.bitnet.codec.HfPackedTernaryCodec;
import dev.tern.bitnet.codec.ModelFormatException;
import dev.tern.bitnet.codec.ScaleConvention;
import dev.tern.bitnet.codec.TensorLocation;
import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Hugging Face safetensors checkpoint: one file, or shards listed by
 * {@code model.safetensors.index.json} ({@code weight_map}: tensor name to shard file name, shards
 * in the index's directory). All tensors are reachable by name whatever shard holds them.
 *
 * <pre>{@code
 * try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(modelDirectory)) {
 *     TernaryWeight q = checkpoint.packedTernary("model.layers.0.self_attn.q_proj.weight",
 *             "model.layers.0.self_attn.q_proj.weight_scale", ScaleConvention.MULTIPLIES);
 *     DenseMatrix embedding = checkpoint.dense("model.embed_tokens.weight");
 * }
 * }</pre>
 *
 * <p>Matrices: a tensor of shape {@code [d0, ..., dk]} is a {@code (d0 * ... * d(k-1)) x dk}
 * matrix (PyTorch's {@code [out, in]} weights are {@code out x in}); a 1-D tensor is {@code 1 x n},
 * a 0-D tensor {@code 1 x 1}. Damage (a missing shard, a tensor the index promises but the shard
 * lacks, a path leaving the directory, a malformed index) is a {@link ModelFormatException}.
 */
public final class SafetensorsCheckpoint implements Closeable {
    public static final String INDEX_FILE = "model.safetensors.index.json";
    public static final String SINGLE_FILE = "model.safetensors";

    private final String name;
    private final List<SafetensorsFile> shards;
    private final Map<String, SafetensorsFile> shardOf;
    private final List<SafetensorsTensorInfo> tensors = new ArrayList<>();

    private SafetensorsCheckpoint(String name, List<SafetensorsFile> shards, Map<String, SafetensorsFile> shardOf) {
        this.name = name;
        this.shards = List.copyOf(shards);
        this.shardOf = Collections.unmodifiableMap(shardOf);
        shardOf.forEach((tensor, shard) -> tensors.add(shard.tensor(tensor)));
    }

    /**
     * Opens a checkpoint from a directory (its {@value #INDEX_FILE}, else its {@value #SINGLE_FILE}),
     * a shard index ({@code *.index.json}) or a single {@code .safetensors} file.
     */
    public static SafetensorsCheckpoint open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve(INDEX_FILE))) {
                return openIndex(path.resolve(INDEX_FILE));
            }
            if (Files.exists(path.resolve(SINGLE_FILE))) {
                return openSingle(path.resolve(SINGLE_FILE));
            }
            throw ModelFormatException.of(String.valueOf(path.getFileName()), null, "directory holds neither "
                    + INDEX_FILE + " nor " + SINGLE_FILE, ModelFormatException.NO_OFFSET);
        }
        if (String.valueOf(path.getFileName()).endsWith(".index.json")) {
            return openIndex(path);
        }
        return openSingle(path);
    }

    private static SafetensorsCheckpoint openSingle(Path file) throws IOException {
        SafetensorsFile single = SafetensorsReader.open(file);
        Map<String, SafetensorsFile> shardOf = new LinkedHashMap<>();
        for (SafetensorsTensorInfo tensor : single.tensors()) {
            shardOf.put(tensor.name(), single);
        }
        return new SafetensorsCheckpoint(single.fileName(), List.of(single), shardOf);
    }

    private static SafetensorsCheckpoint openIndex(Path index) throws IOException {
        String indexName = String.valueOf(index.getFileName());
        long size = Files.size(index);
        if (size > SafetensorsReader.MAX_HEADER_BYTES) {
            throw ModelFormatException.of(indexName, null, "index of " + size + " bytes exceeds the limit of "
                    + SafetensorsReader.MAX_HEADER_BYTES, ModelFormatException.NO_OFFSET);
        }
        JsonNode root = SafetensorsJson.parseObject(Files.readAllBytes(index), indexName, "index", 0);
        JsonNode weightMap = root.get("weight_map");
        if (weightMap == null || !weightMap.isObject()) {
            throw ModelFormatException.of(indexName, "weight_map", "is missing or not an object",
                    ModelFormatException.NO_OFFSET);
        }
        Path directory = index.toAbsolutePath().getParent().normalize();
        Map<String, SafetensorsFile> openShards = new LinkedHashMap<>();
        Map<String, SafetensorsFile> shardOf = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, JsonNode> entry : weightMap.properties()) {
                String tensor = entry.getKey();
                String subject = "weight_map entry '" + tensor + "'";
                if (!entry.getValue().isTextual()) {
                    throw ModelFormatException.of(indexName, subject, "expected a shard file name, found "
                            + entry.getValue().getNodeType(), ModelFormatException.NO_OFFSET);
                }
                String shardName = entry.getValue().textValue();
                SafetensorsFile shard = openShards.get(shardName);
                if (shard == null) {
                    shard = SafetensorsReader.open(shardPath(directory, shardName, indexName, subject));
                    openShards.put(shardName, shard);
                }
                if (!shard.hasTensor(tensor)) {
                    throw ModelFormatException.of(indexName, "tensor '" + tensor + "'", "is listed for shard '"
                            + shardName + "', which does not hold it", ModelFormatException.NO_OFFSET);
                }
                shardOf.put(tensor, shard);
            }
        } catch (IOException | RuntimeException e) {
            for (SafetensorsFile shard : openShards.values()) {
                shard.close();
            }
            throw e;
        }
        return new SafetensorsCheckpoint(indexName, new ArrayList<>(openShards.values()), shardOf);
    }

    private static Path shardPath(Path directory, String shardName, String indexName, String subject) {
        Path shard = directory.resolve(shardName).normalize();
        if (shardName.isEmpty() || Path.of(shardName).isAbsolute() || !shard.startsWith(directory)
                || shard.equals(directory)) {
            throw ModelFormatException.of(indexName, subject, "shard path '" + shardName
                    + "' does not name a file in the index's directory", ModelFormatException.NO_OFFSET);
        }
        if (!Files.isRegularFile(shard)) {
            throw ModelFormatException.of(indexName, subject, "shard '" + shardName + "' does not exist",
                    ModelFormatException.NO_OFFSET);
        }
        return shard;
    }

    /** The files of the checkpoint, in the order the index first names them. */
    public List<SafetensorsFile> shards() {
        return shards;
    }

    /** The shards' {@code __metadata__}, merged (the first shard naming a key wins). */
    public Map<String, String> metadata() {
        Map<String, String> merged = new LinkedHashMap<>();
        for (SafetensorsFile shard : shards) {
            shard.metadata().forEach(merged::putIfAbsent);
        }
        return merged;
    }

    /** All tensors, in index (or header) order. */
    public List<SafetensorsTensorInfo> tensors() {
        return Collections.unmodifiableList(tensors);
    }

    public boolean hasTensor(String name) {
        return shardOf.containsKey(name);
    }

    public Optional<SafetensorsTensorInfo> findTensor(String name) {
        SafetensorsFile shard = shardOf.get(name);
        return shard == null ? Optional.empty() : Optional.of(shard.tensor(name));
    }

    public SafetensorsTensorInfo tensor(String name) {
        return shard(name).tensor(name);
    }

    public ByteBuffer tensorData(String name) {
        return shard(name).tensorData(name);
    }

    public TensorLocation location(String name) {
        return shard(name).location(name);
    }

    /** Tensor {@code name} (F32, F16 or BF16) as a matrix read in place. */
    public BufferDenseMatrix dense(String name) {
        SafetensorsTensorInfo tensor = tensor(name);
        TensorLocation where = location(name);
        DenseElementType type = tensor.dtype().denseType().orElseThrow(() ->
                where.error("dtype " + tensor.dtype() + " is not a dense type (F32, F16, BF16)"));
        long[] shape = tensor.shape();
        long cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        long rows = cols == 0 ? 0 : tensor.elementCount() / cols;
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw where.error("shape " + Arrays.toString(shape) + " is too large for one matrix");
        }
        return DenseCodec.decode(tensorData(name), type, (int) rows, (int) cols, where);
    }

    /** The single value of a one-element F32, F16 or BF16 tensor (a scale). */
    public float scalar(String name) {
        BufferDenseMatrix matrix = dense(name);
        if (matrix.rows() * matrix.cols() != 1) {
            throw location(name).error("expected one element, found shape "
                    + Arrays.toString(tensor(name).shape()));
        }
        return matrix.get(0, 0);
    }

    /**
     * A BitLinear weight in the Hugging Face packed layout ({@link HfPackedTernaryCodec}): U8 tensor
     * {@code weightName} of shape {@code [out / 4, in]} and the one-element scale tensor
     * {@code scaleName}, read with {@code convention} (2B-4T: {@link ScaleConvention#MULTIPLIES}).
     */
    public TernaryWeight packedTernary(String weightName, String scaleName, ScaleConvention convention) {
        SafetensorsTensorInfo tensor = tensor(weightName);
        TensorLocation where = location(weightName);
        long[] shape = tensor.shape();
        if (tensor.dtype() != SafetensorsDtype.U8 || shape.length != 2) {
            throw where.error("expected a packed ternary U8 tensor of shape [out/4, in], found " + tensor.dtype()
                    + " " + Arrays.toString(shape));
        }
        if (shape[0] > Integer.MAX_VALUE / 4 || shape[1] > Integer.MAX_VALUE) {
            throw where.error("shape " + Arrays.toString(shape) + " is too large for one matrix");
        }
        return HfPackedTernaryCodec.decode(tensorData(weightName), (int) shape[0], (int) shape[1], scalar(scaleName),
                convention, where);
    }

    private SafetensorsFile shard(String tensor) {
        SafetensorsFile shard = shardOf.get(tensor);
        if (shard == null) {
            throw ModelFormatException.of(name, "tensor '" + tensor + "'", "is not in the checkpoint",
                    ModelFormatException.NO_OFFSET);
        }
        return shard;
    }

    /** The index's file name, or the single file's. */
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SafetensorsFile shard : shards) {
            try {
                shard.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
