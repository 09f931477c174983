package dev.tern.bitnet.gguf;

import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GgufRoundTripTest {
    @TempDir
    Path directory;

    private static TernaryWeight randomWeight(Random random, int rows, int cols, float scale) {
        byte[] trits = new byte[rows * cols];
        for (int i = 0; i < trits.length; i++) {
            trits[i] = (byte) (random.nextInt(3) - 1);
        }
        return new TernaryWeight(PackedTernaryMatrix.fromTrits(rows, cols, trits), scale);
    }

    private static Map<String, GgufValue> everyValueType() {
        Map<String, GgufValue> values = new java.util.LinkedHashMap<>();
        values.put("t.uint8", GgufValue.uint8(255));
        values.put("t.int8", GgufValue.int8(-128));
        values.put("t.uint16", GgufValue.uint16(65535));
        values.put("t.int16", GgufValue.int16(-32768));
        values.put("t.uint32", GgufValue.uint32(4_294_967_295L));
        values.put("t.int32", GgufValue.int32(Integer.MIN_VALUE));
        values.put("t.float32", GgufValue.float32(-1.5e-7f));
        values.put("t.bool", GgufValue.bool(true));
        values.put("t.string", GgufValue.string("héllo wörld ✓ Ġ"));
        values.put("t.empty_string", GgufValue.string(""));
        values.put("t.uint64", GgufValue.uint64(0xFFFF_FFFF_FFFF_FFFFL));
        values.put("t.int64", GgufValue.int64(Long.MIN_VALUE));
        values.put("t.float64", GgufValue.float64(Math.PI));
        values.put("t.nan", GgufValue.float32(Float.NaN));
        values.put("t.strings", GgufValue.stringArray(List.of("a", "", "Ġt h", "<|begin_of_text|>")));
        values.put("t.int32s", GgufValue.int32Array(1, -2, Integer.MAX_VALUE));
        values.put("t.uint32s", GgufValue.uint32Array(0, 4_294_967_295L));
        values.put("t.float32s", GgufValue.float32Array(0.5f, -0f, Float.POSITIVE_INFINITY));
        values.put("t.float64s", new GgufValue.FloatArray(GgufValueType.FLOAT64, new double[] {1e300, -2}));
        values.put("t.bools", new GgufValue.BoolArray(new boolean[] {true, false, true}));
        values.put("t.empty", GgufValue.stringArray(List.of()));
        for (GgufValueType type : GgufValueType.values()) {
            if (type.isInteger()) {
                values.put("t.array_of_" + type.displayName(),
                        new GgufValue.IntegerArray(type, new long[] {0, 1, type == GgufValueType.UINT64 ? -1 : 2}));
            }
        }
        return values;
    }

    @Test
    void metadataOfEveryTypeSurvivesWriteAndRead() throws IOException {
        GgufWriter writer = new GgufWriter();
        Map<String, GgufValue> values = everyValueType();
        values.forEach(writer::put);
        Path path = directory.resolve("metadata.gguf");
        writer.write(path);
        try (GgufFile file = GgufReader.open(path)) {
            assertEquals(values, file.metadata().asMap());
            assertEquals(List.copyOf(values.keySet()), List.copyOf(file.metadata().keys()));
            assertEquals(0, file.tensors().size());
            GgufMetadata m = file.metadata();
            assertEquals(4_294_967_295L, m.getLong("t.uint32"));
            assertEquals(-128, m.getInt("t.int8"));
            assertEquals("héllo wörld ✓ Ġ", m.getString("t.string"));
            assertArrayEquals(new int[] {1, -2, Integer.MAX_VALUE}, m.getIntArray("t.int32s"));
            assertArrayEquals(new float[] {0.5f, -0f, Float.POSITIVE_INFINITY}, m.getFloatArray("t.float32s"));
            assertEquals(List.of("a", "", "Ġt h", "<|begin_of_text|>"), m.getStringArray("t.strings"));
            assertEquals("18446744073709551615", ((GgufValue.IntegerValue) m.get("t.uint64")).unsignedString());
        }
    }

    @Test
    void tensorsOfEveryCodecSurviveWriteAndReadAtAnyAlignment() throws IOException {
        Random random = new Random(77);
        for (long alignment : new long[] {32, 64, 8}) {
            TernaryWeight tq1 = randomWeight(random, 3, 256, 0.5f);
            TernaryWeight tq2 = randomWeight(random, 5, 512, 0.25f);
            TernaryWeight i2s = randomWeight(random, 7, 128, 1.3f);
            float[] values = new float[6 * 10];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            BufferDenseMatrix dense = BufferDenseMatrix.of(DenseElementType.F32, 6, 10, values);
            byte[] int8 = new byte[2 * 3 * 5];
            random.nextBytes(int8);
            GgufWriter writer = new GgufWriter()
                    .put("general.architecture", GgufValue.string("bitnet"))
                    .put(GgufReader.ALIGNMENT_KEY, GgufValue.uint32(alignment))
                    .addTernary("tq1", GgmlType.TQ1_0, tq1)
                    .addTernary("tq2", GgmlType.TQ2_0, tq2)
                    .addTernary("i2s", GgmlType.I2_S, i2s)
                    .addDense("f32", DenseElementType.F32, dense)
                    .addDense("f16", DenseElementType.F16, dense)
                    .addDense("bf16", DenseElementType.BF16, dense)
                    .addDense("norm", DenseElementType.F32, BufferDenseMatrix.of(DenseElementType.F32, 1, 10,
                            java.util.Arrays.copyOf(values, 10)), 10)
                    .addTensor("raw_i8", GgmlType.I8, new long[] {5, 3, 2}, ByteBuffer.wrap(int8))
                    .addTensor("q8", GgmlType.Q8_0, new long[] {64}, ByteBuffer.allocate(68));
            Path path = directory.resolve("tensors-" + alignment + ".gguf");
            writer.write(path);
            try (GgufFile file = GgufReader.open(path)) {
                assertEquals(alignment, file.alignment());
                long expectedOffset = 0;
                for (GgufTensorInfo tensor : file.tensors()) {
                    assertEquals(expectedOffset, tensor.offset(), "llama.cpp's sequential offsets: " + tensor.name());
                    expectedOffset = GgufReader.alignUp(tensor.offset() + tensor.byteSize(), alignment);
                }
                assertEquals(0, file.dataOffset() % alignment);
                assertEquals(file.dataOffset() + expectedOffset, Files.size(path), "the file ends padded");
                assertEquals(new TernaryWeight(tq1.matrix(), 0.5f), file.ternary("tq1"));
                assertEquals(new TernaryWeight(tq2.matrix(), 0.25f), file.ternary("tq2"));
                assertEquals(i2s, file.ternary("i2s"));
                assertArrayEquals(new long[] {256, 3}, file.tensor("tq1").dimensions());
                assertArrayEquals(new long[] {10}, file.tensor("norm").dimensions());
                assertArrayEquals(new long[] {5, 3, 2}, file.tensor("raw_i8").dimensions());
                assertEquals(ByteBuffer.wrap(int8), file.tensorData("raw_i8"));
                assertEquals(68, file.tensor("q8").byteSize());
                for (String name : List.of("f32", "f16", "bf16")) {
                    BufferDenseMatrix read = file.dense(name);
                    DenseElementType type = read.elementType();
                    for (int i = 0; i < values.length; i++) {
                        assertEquals(type.round(values[i]), read.get(i / 10, i % 10), name);
                    }
                }
                assertEquals(values[3], file.dense("norm").get(0, 3));
            }
        }
    }

    @Test
    void rewritingTheLlamaCppFixtureReproducesItByteForByte() throws IOException {
        for (String type : List.of("f16", "tq1_0", "tq2_0")) {
            Path original = Fixtures.tiny(type);
            Path copy = directory.resolve("copy-" + type + ".gguf");
            try (GgufFile file = GgufReader.open(original)) {
                GgufWriter writer = new GgufWriter();
                file.metadata().asMap().forEach(writer::put);
                for (GgufTensorInfo tensor : file.tensors()) {
                    writer.addTensor(tensor.name(), tensor.type(), tensor.dimensions(), file.tensorData(tensor.name()));
                }
                writer.write(copy);
            }
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), type);
        }
    }

    @Test
    void reencodingTheFixtureWeightsReproducesLlamaQuantizeOutput() throws IOException {
        try (GgufFile tq2 = GgufReader.open(Fixtures.tiny("tq2_0"));
             GgufFile tq1 = GgufReader.open(Fixtures.tiny("tq1_0"))) {
            for (GgufTensorInfo tensor : tq2.tensors()) {
                if (tensor.type() != GgmlType.TQ2_0) {
                    continue;
                }
                TernaryWeight weight = tq2.ternary(tensor.name());
                assertEquals(tq2.tensorData(tensor.name()), GgmlType.TQ2_0.ternaryCodec().orElseThrow().encode(weight),
                        tensor.name());
                assertEquals(tq1.tensorData(tensor.name()), GgmlType.TQ1_0.ternaryCodec().orElseThrow().encode(weight),
                        tensor.name());
            }
        }
    }

    @Test
    void streamedTensorDataIsWrittenInPlaceAndItsSizeEnforced() throws IOException {
        Path path = directory.resolve("streamed.gguf");
        new GgufWriter()
                .addTensor("first", GgmlType.I8, new long[] {3}, ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .addTensor("chunks", GgmlType.F32, new long[] {4, 1000}, out -> {
                    for (int chunk = 0; chunk < 4; chunk++) {
                        ByteBuffer rows = ByteBuffer.allocate(4000).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                        for (int i = 0; i < 1000; i++) {
                            rows.putFloat(chunk * 1000 + i);
                        }
                        dev.tern.bitnet.codec.TensorDataWriter.writeFully(out, rows.flip());
                    }
                })
                .write(path);
        try (GgufFile file = GgufReader.open(path)) {
            BufferDenseMatrix matrix = file.dense("chunks");
            assertEquals(1000, matrix.rows());
            assertEquals(2345f, matrix.get(586, 1));
            assertEquals(32, file.tensor("chunks").offset());
        }
        GgufWriter tooShort = new GgufWriter().addTensor("t", GgmlType.F32, new long[] {4},
                out -> out.write(ByteBuffer.allocate(12)));
        assertEquals("tensor 't': its data source wrote 12 bytes, its type and shape take 16",
                assertThrows(IllegalStateException.class, () -> tooShort.write(path)).getMessage());
        GgufWriter tooLong = new GgufWriter().addTensor("t", GgmlType.F32, new long[] {4},
                out -> out.write(ByteBuffer.allocate(20)));
        assertThrows(IllegalStateException.class, () -> tooLong.write(path));
    }

    @Test
    void writerRefusesWhatLlamaCppCannotRead() {
        GgufWriter writer = new GgufWriter().put("a", GgufValue.bool(true));
        assertThrows(IllegalArgumentException.class, () -> writer.put("a", GgufValue.bool(false)));
        assertThrows(IllegalArgumentException.class, () -> writer.put("n",
                new GgufValue.NestedArray(List.of(GgufValue.int32Array(1)))));
        assertThrows(IllegalArgumentException.class, () -> writer.put(GgufReader.ALIGNMENT_KEY, GgufValue.uint32(48)));
        assertThrows(IllegalArgumentException.class, () -> writer.put(GgufReader.ALIGNMENT_KEY, GgufValue.int32(32)));
        ByteBuffer data = ByteBuffer.allocate(4);
        assertThrows(IllegalArgumentException.class, () -> writer.addTensor("x".repeat(64), GgmlType.F32, new long[] {1}, data));
        assertThrows(IllegalArgumentException.class, () -> writer.addTensor("x", GgmlType.F32, new long[] {0}, data));
        assertThrows(IllegalArgumentException.class, () -> writer.addTensor("x", GgmlType.F32, new long[] {1, 1, 1, 1, 1}, data));
        assertThrows(IllegalArgumentException.class, () -> writer.addTensor("x", GgmlType.F32, new long[] {2}, data));
        assertThrows(IllegalArgumentException.class, () -> writer.addTensor("x", GgmlType.TQ2_0, new long[] {128}, data));
        writer.addTensor("x", GgmlType.F32, new long[] {1}, data);
        assertThrows(IllegalArgumentException.class, () -> writer.addTensor("x", GgmlType.F32, new long[] {1}, data));
        assertThrows(IllegalArgumentException.class, () -> GgufValue.uint8(256));
        assertThrows(IllegalArgumentException.class, () -> GgufValue.uint32(-1));
        assertThrows(IllegalArgumentException.class, () -> new GgufValue.FloatValue(GgufValueType.FLOAT32, 0.1));
    }
}
