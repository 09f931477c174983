package dev.tern.bitnet.gguf;

import dev.tern.bitnet.codec.DenseCodec;
import dev.tern.bitnet.codec.MappedFile;
import dev.tern.bitnet.codec.ModelFormatException;
import dev.tern.bitnet.codec.TensorLocation;
import dev.tern.bitnet.codec.TernaryCodec;
import dev.tern.bitnet.codec.TernaryRecovery;
import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open, validated GGUF file (from {@link GgufReader#open}): its metadata, its tensor infos and
 * per-tensor access to the data, memory-mapped on demand.
 *
 * <p>Tensors are matrices of {@code rows x cols} with {@code cols = ne[0]} and {@code rows} the
 * product of the other dimensions; a 1-D tensor is a 1 x n matrix. {@link #ternary} decodes a
 * BitLinear weight into the canonical packing with its per-tensor scale, from TQ1_0, TQ2_0, I2_S
 * (x86 ACT_PARALLEL layout, see {@link dev.tern.bitnet.codec.I2sCodec}) or, by recovering trits and
 * scale, from F32/F16/BF16; {@link #dense} views an F32/F16/BF16 tensor in place.
 *
 * <pre>{@code
 * try (GgufFile gguf = GgufReader.open(path)) {
 *     int layers = gguf.metadata().getInt("bitnet.block_count");
 *     TernaryWeight q = gguf.ternary("blk.0.attn_q.weight");
 *     DenseMatrix embedding = gguf.dense("token_embd.weight");
 * }
 * }</pre>
 *
 * Damage found while decoding is a {@link ModelFormatException} naming the file and tensor.
 * Buffers and matrices obtained stay valid after {@link #close}; new tensor access does not.
 */
public final class GgufFile implements Closeable {
    private final MappedFile file;
    private final int version;
    private final int alignment;
    private final long dataOffset;
    private final GgufMetadata metadata;
    private final List<GgufTensorInfo> tensors;
    private final Map<String, GgufTensorInfo> tensorsByName = new LinkedHashMap<>();

    GgufFile(MappedFile file, int version, int alignment, long dataOffset, GgufMetadata metadata,
             List<GgufTensorInfo> tensors) {
        this.file = file;
        this.version = version;
        this.alignment = alignment;
        this.dataOffset = dataOffset;
        this.metadata = metadata;
        this.tensors = List.copyOf(tensors);
        for (GgufTensorInfo tensor : tensors) {
            tensorsByName.put(tensor.name(), tensor);
        }
    }

    public Path path() {
        return file.path();
    }

    public String fileName() {
        return file.name();
    }

    public int version() {
        return version;
    }

    public int alignment() {
        return alignment;
    }

    /** The file offset where the data section (and the first tensor's data) starts. */
    public long dataOffset() {
        return dataOffset;
    }

    public GgufMetadata metadata() {
        return metadata;
    }

    /** Tensor infos in file order. */
    public List<GgufTensorInfo> tensors() {
        return tensors;
    }

    public boolean hasTensor(String name) {
        return tensorsByName.containsKey(name);
    }

    public Optional<GgufTensorInfo> findTensor(String name) {
        return Optional.ofNullable(tensorsByName.get(name));
    }

    /** The info of tensor {@code name}; a missing tensor is a {@link ModelFormatException}. */
    public GgufTensorInfo tensor(String name) {
        GgufTensorInfo tensor = tensorsByName.get(name);
        if (tensor == null) {
            throw ModelFormatException.of(file.name(), "tensor '" + name + "'", "is not in the file",
                    ModelFormatException.NO_OFFSET);
        }
        return tensor;
    }

    /** The tensor's bytes, read-only, little-endian, mapped from the file. */
    public ByteBuffer tensorData(String name) {
        GgufTensorInfo tensor = tensor(name);
        return file.map(tensor.fileOffset(), tensor.byteSize(), "tensor '" + name + "'");
    }

    /** Where tensor {@code name}'s data lies, for error messages of codecs. */
    public TensorLocation location(String name) {
        return new TensorLocation(file.name(), name, tensor(name).fileOffset());
    }

    /**
     * The BitLinear weight stored in tensor {@code name} ({@code dimensions = [in, out]}): TQ1_0,
     * TQ2_0 and I2_S decode directly; F32, F16 and BF16 must hold ternary values times one scale.
     */
    public TernaryWeight ternary(String name) {
        GgufTensorInfo tensor = tensor(name);
        TensorLocation where = location(name);
        int rows = matrixDimension(tensor.rowCount(), tensor, "rows");
        int cols = matrixDimension(tensor.rowLength(), tensor, "columns");
        Optional<TernaryCodec> codec = tensor.type().ternaryCodec();
        if (codec.isPresent()) {
            return codec.get().decode(tensorData(name), rows, cols, where);
        }
        if (tensor.type().denseType().isPresent()) {
            return TernaryRecovery.recover(dense(name), where);
        }
        throw where.error("type " + tensor.type() + " holds no ternary weights this reader decodes"
                + " (TQ1_0, TQ2_0, I2_S, F32, F16, BF16)");
    }

    /** Tensor {@code name} (F32, F16 or BF16) as a rows x cols matrix read in place. */
    public BufferDenseMatrix dense(String name) {
        GgufTensorInfo tensor = tensor(name);
        TensorLocation where = location(name);
        DenseElementType type = tensor.type().denseType().orElseThrow(() ->
                where.error("type " + tensor.type() + " is not a dense type (F32, F16, BF16)"));
        int rows = matrixDimension(tensor.rowCount(), tensor, "rows");
        int cols = matrixDimension(tensor.rowLength(), tensor, "columns");
        return DenseCodec.decode(tensorData(name), type, rows, cols, where);
    }

    private int matrixDimension(long value, GgufTensorInfo tensor, String what) {
        if (value > Integer.MAX_VALUE) {
            throw ModelFormatException.of(file.name(), "tensor '" + tensor.name() + "'",
                    value + " " + what + " are too many for one matrix", ModelFormatException.NO_OFFSET);
        }
        return (int) value;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    @Override
    public String toString() {
        return "GgufFile[" + file.name() + ", v" + version + ", " + metadata.keys().size() + " keys, "
                + tensors.size() + " tensors]";
    }
}
