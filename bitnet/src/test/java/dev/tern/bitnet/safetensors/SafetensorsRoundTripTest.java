package dev.tern.bitnet.safetensors;

import dev.tern.bitnet.codec.HfPackedTernaryCodec;
import dev.tern.bitnet.codec.ScaleConvention;
import dev.tern.bitnet.tensor.BFloat16;
import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetensorsRoundTripTest {
    @TempDir
    Path directory;

    private static TernaryWeight randomWeight(Random random, int rows, int cols, float scale) {
        byte[] trits = new byte[rows * cols];
        for (int i = 0; i < trits.length; i++) {
            trits[i] = (byte) (random.nextInt(3) - 1);
        }
        return new TernaryWeight(PackedTernaryMatrix.fromTrits(rows, cols, trits), scale);
    }

    private static float[] gaussian(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** A 2B-4T-shaped miniature: packed projections with BF16 scales, BF16 embedding and norms. */
    private static SafetensorsWriter checkpoint(Random random, Map<String, TernaryWeight> projections, float[] embedding) {
        SafetensorsWriter writer = new SafetensorsWriter().metadata("format", "pt");
        writer.addDense("model.embed_tokens.weight", DenseElementType.BF16,
                BufferDenseMatrix.of(DenseElementType.F32, 12, 8, embedding));
        writer.addDense("model.norm.weight", DenseElementType.BF16,
                BufferDenseMatrix.of(DenseElementType.F32, 1, 8, gaussian(random, 8)), 8);
        projections.forEach((name, weight) -> writer.addPackedTernary(name + ".weight", name + ".weight_scale", weight,
                ScaleConvention.MULTIPLIES, DenseElementType.BF16));
        return writer;
    }

    private static Map<String, TernaryWeight> projections(Random random) {
        return Map.of(
                "model.layers.0.self_attn.q_proj", randomWeight(random, 8, 8, BFloat16.round(1.5f)),
                "model.layers.0.mlp.down_proj", randomWeight(random, 8, 16, BFloat16.round(0.75f)),
                "model.layers.1.mlp.up_proj", randomWeight(random, 16, 8, BFloat16.round(2.25f)));
    }

    @Test
    void singleFileRoundTripsDenseAndPackedTernaryTensors() throws IOException {
        Random random = new Random(50);
        Map<String, TernaryWeight> projections = projections(random);
        float[] embedding = gaussian(random, 96);
        Path file = directory.resolve("model.safetensors");
        checkpoint(random, projections, embedding).write(file);
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(directory)) {
            assertEquals(Map.of("format", "pt"), checkpoint.metadata());
            assertEquals(2 + 2 * projections.size(), checkpoint.tensors().size());
            projections.forEach((name, weight) -> assertEquals(weight,
                    checkpoint.packedTernary(name + ".weight", name + ".weight_scale", ScaleConvention.MULTIPLIES)));
            SafetensorsTensorInfo q = checkpoint.tensor("model.layers.0.self_attn.q_proj.weight");
            assertEquals(SafetensorsDtype.U8, q.dtype());
            assertArrayEquals(new long[] {2, 8}, q.shape());
            assertArrayEquals(new long[] {1}, checkpoint.tensor("model.layers.0.self_attn.q_proj.weight_scale").shape());
            BufferDenseMatrix read = checkpoint.dense("model.embed_tokens.weight");
            assertEquals(12, read.rows());
            assertEquals(8, read.cols());
            for (int i = 0; i < embedding.length; i++) {
                assertEquals(BFloat16.round(embedding[i]), read.get(i / 8, i % 8));
            }
            assertEquals(1, checkpoint.dense("model.norm.weight").rows());
        }
    }

    @Test
    void headerIsPaddedToEightBytesAndOffsetsAreContiguous() throws IOException {
        Path file = directory.resolve("one.safetensors");
        new SafetensorsWriter()
                .add("a", SafetensorsDtype.U8, new long[] {3}, ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .add("b", SafetensorsDtype.F32, new long[] {2}, ByteBuffer.allocate(8))
                .add("empty", SafetensorsDtype.I8, new long[] {0, 4}, ByteBuffer.allocate(0))
                .write(file);
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"a\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[0,3]}"), header);
        try (SafetensorsFile read = SafetensorsReader.open(file)) {
            assertEquals(8 + headerLength, read.dataOffset());
            assertEquals(List.of("a", "b", "empty"), read.tensors().stream().map(SafetensorsTensorInfo::name).toList());
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), read.tensorData("a"));
            assertEquals(3, read.tensor("b").begin());
            assertEquals(0, read.tensor("empty").byteSize());
            assertTrue(read.metadata().isEmpty());
        }
    }

    @Test
    void shardedCheckpointRoundTripsThroughItsIndex() throws IOException {
        Random random = new Random(51);
        Map<String, TernaryWeight> projections = projections(random);
        float[] embedding = gaussian(random, 96);
        List<Path> shards = checkpoint(random, projections, embedding).writeSharded(directory, 100);
        assertTrue(shards.size() >= 3, "small shards force a split: " + shards.size());
        assertEquals("model-00001-of-0000" + shards.size() + ".safetensors", shards.get(0).getFileName().toString());
        String index = Files.readString(directory.resolve(SafetensorsCheckpoint.INDEX_FILE));
        assertTrue(index.contains("\"weight_map\""), index);
        assertTrue(index.contains("\"total_size\""), index);
        for (Path opened : List.of(directory, directory.resolve(SafetensorsCheckpoint.INDEX_FILE))) {
            try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(opened)) {
                assertEquals(shards.size(), checkpoint.shards().size());
                assertEquals(2 + 2 * projections.size(), checkpoint.tensors().size());
                projections.forEach((name, weight) -> assertEquals(weight,
                        checkpoint.packedTernary(name + ".weight", name + ".weight_scale", ScaleConvention.MULTIPLIES)));
                assertEquals(BFloat16.round(embedding[17]), checkpoint.dense("model.embed_tokens.weight").get(2, 1));
                assertEquals("pt", checkpoint.metadata().get("format"));
            }
        }
    }

    @Test
    void streamedTensorDataIsWrittenInPlaceAndItsSizeEnforced() throws IOException {
        Path file = directory.resolve("streamed.safetensors");
        new SafetensorsWriter()
                .add("w", SafetensorsDtype.U8, new long[] {2, 3}, out -> {
                    out.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                    out.write(ByteBuffer.wrap(new byte[] {4, 5, 6}));
                })
                .write(file);
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6}), checkpoint.tensorData("w"));
        }
        SafetensorsWriter wrong = new SafetensorsWriter().add("w", SafetensorsDtype.F16, new long[] {2},
                out -> out.write(ByteBuffer.allocate(2)));
        assertEquals("tensor 'w': its data source wrote 2 bytes, its type and shape take 4",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> wrong.write(file))
                        .getMessage());
    }

    @Test
    void divisiveScalesAreStoredAsTheInverse() throws IOException {
        TernaryWeight weight = randomWeight(new Random(52), 4, 4, 0.5f);
        Path file = directory.resolve("llama3.safetensors");
        new SafetensorsWriter().addPackedTernary("w", "w_scale", weight, ScaleConvention.DIVIDES, DenseElementType.F32)
                .write(file);
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertEquals(2f, checkpoint.scalar("w_scale"));
            assertEquals(weight, checkpoint.packedTernary("w", "w_scale", ScaleConvention.DIVIDES));
            assertEquals(weight.matrix(), checkpoint.packedTernary("w", "w_scale", ScaleConvention.MULTIPLIES).matrix());
            ByteBuffer packed = checkpoint.tensorData("w");
            assertEquals(ByteBuffer.wrap(HfPackedTernaryCodec.encode(weight)), packed);
        }
    }
}
