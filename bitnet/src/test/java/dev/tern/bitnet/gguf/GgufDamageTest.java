package dev.tern.bitnet.gguf;

import dev.tern.bitnet.codec.ModelFormatException;
import dev.tern.bitnet.tensor.Half;
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
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged and lying GGUF files: each kind of damage gives a one-line {@link ModelFormatException}
 * naming the file, the thing concerned, what was expected and, where it helps, the offset.
 */
class GgufDamageTest {
    @TempDir
    Path directory;

    private String failure(GgufBytes bytes) throws IOException {
        Path path = bytes.writeTo(directory.resolve("bad.gguf"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> GgufReader.open(path).close());
        String message = e.getMessage();
        assertTrue(message.startsWith("bad.gguf: "), message);
        assertTrue(!message.contains("\n"), message);
        return message;
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void wrongMagic() throws IOException {
        String message = failure(new GgufBytes().raw("GGML".getBytes(StandardCharsets.US_ASCII)).u32(3).u64(0).u64(0));
        assertEquals("bad.gguf: header: not a GGUF file: magic is 'GGML', expected 'GGUF' (at offset 0)", message);
    }

    @Test
    void fileShorterThanTheMagic() throws IOException {
        assertContains(failure(new GgufBytes().raw((byte) 'G', (byte) 'G')),
                "header: truncated: magic needs 4 bytes, 2 bytes left in the file (2 bytes)", "(at offset 0)");
    }

    @Test
    void unsupportedVersion() throws IOException {
        String message = failure(new GgufBytes().raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(1).u64(0).u64(0));
        assertEquals("bad.gguf: header: unsupported GGUF version 1 (expected 3, or 2 which has the same layout)"
                + " (at offset 4)", message);
    }

    @Test
    void bigEndianFile() throws IOException {
        String message = failure(new GgufBytes().raw("GGUF".getBytes(StandardCharsets.US_ASCII)).raw(new byte[] {0, 0, 0, 3}));
        assertContains(message, "big-endian GGUF (version 3) is not supported");
    }

    @Test
    void truncatedHeaderCounts() throws IOException {
        String message = failure(new GgufBytes().raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(3).u32(0));
        assertContains(message, "header: truncated: tensor count needs 8 bytes, 4 bytes left", "(at offset 8)");
    }

    @Test
    void metadataCountBeyondTheFile() throws IOException {
        assertContains(failure(GgufBytes.header(0, 1L << 40)),
                "metadata entry count 1099511627776 cannot fit the 0 bytes left", "(at offset 24)");
    }

    @Test
    void keyLengthOf2To62() throws IOException {
        assertContains(failure(GgufBytes.header(0, 1).u64(1L << 62).zeros(16)),
                "metadata entry 0: key length 4611686018427387904 exceeds the 16 bytes left", "(at offset 32)");
    }

    @Test
    void stringValueLongerThanTheFile() throws IOException {
        String message = failure(GgufBytes.header(0, 1).string("general.name").u32(8).u64(1000).raw((byte) 'x'));
        assertContains(message, "metadata key 'general.name': string length 1000 exceeds the 1 bytes left",
                "(at offset 56)");
    }

    @Test
    void arrayOf2To40Elements() throws IOException {
        String message = failure(GgufBytes.header(0, 1).string("tokenizer.ggml.scores").u32(9).u32(6).u64(1L << 40)
                .zeros(64));
        assertContains(message, "metadata key 'tokenizer.ggml.scores': array length 1099511627776 cannot fit the 64"
                + " bytes left in the file", "(at least 4 bytes each)");
    }

    @Test
    void arrayLengthAbove2To63() throws IOException {
        String message = failure(GgufBytes.header(0, 1).string("a").u32(9).u32(8).u64(-2));
        assertContains(message, "array length 18446744073709551614 cannot fit");
    }

    @Test
    void arrayOfStringsWhoseCountCannotFit() throws IOException {
        // 20 strings need at least 160 bytes of lengths: refused before reading any of them
        String message = failure(GgufBytes.header(0, 1).string("tokenizer.ggml.tokens").u32(9).u32(8).u64(20)
                .string("a").string("b"));
        assertContains(message, "tokenizer.ggml.tokens': array length 20 cannot fit the 18 bytes left",
                "(at least 8 bytes each)");
    }

    @Test
    void unknownValueType() throws IOException {
        assertContains(failure(GgufBytes.header(0, 1).string("a.b").u32(13).u32(0)),
                "metadata key 'a.b': unknown value type 13 (GGUF defines 0 to 12)", "(at offset 35)");
    }

    @Test
    void unknownArrayElementType() throws IOException {
        assertContains(failure(GgufBytes.header(0, 1).string("a.b").u32(9).u32(77).u64(0)),
                "metadata key 'a.b': unknown array element type 77");
    }

    @Test
    void boolThatIsNeitherZeroNorOne() throws IOException {
        assertContains(failure(GgufBytes.header(0, 1).string("flag").u32(7).u8(2)),
                "metadata key 'flag': bool value is 2, expected 0 or 1", "(at offset 40)");
    }

    @Test
    void stringThatIsNotUtf8() throws IOException {
        assertContains(failure(GgufBytes.header(0, 1).string("name").u32(8).u64(2).raw((byte) 0xC3, (byte) 0x28)),
                "metadata key 'name': string is not valid UTF-8", "(at offset 48)");
    }

    @Test
    void duplicateKey() throws IOException {
        assertContains(failure(GgufBytes.header(0, 2).uint32Entry("bitnet.block_count", 2)
                .uint32Entry("bitnet.block_count", 3)), "metadata key 'bitnet.block_count': duplicate key",
                "(at offset 58)");
    }

    @Test
    void arraysNestedTooDeep() throws IOException {
        GgufBytes bytes = GgufBytes.header(0, 1).string("deep").u32(9);
        for (int i = 0; i < 12; i++) {
            bytes.u32(9).u64(1);
        }
        bytes.u32(4).u64(0);
        assertContains(failure(bytes), "metadata key 'deep': arrays nested deeper than 8");
    }

    @Test
    void alignmentOfTheWrongType() throws IOException {
        assertContains(failure(GgufBytes.header(0, 1).stringEntry("general.alignment", "32")),
                "metadata key 'general.alignment': expected uint32, found string");
    }

    @Test
    void alignmentThatIsNotAPowerOfTwo() throws IOException {
        assertContains(failure(GgufBytes.header(0, 1).uint32Entry("general.alignment", 48)),
                "metadata key 'general.alignment': alignment 48 is not a power of two");
    }

    @Test
    void tensorCountBeyondTheFile() throws IOException {
        assertContains(failure(GgufBytes.header(1L << 50, 0).zeros(40)),
                "tensor infos: tensor count 1125899906842624 cannot fit the 40 bytes left", "(at least 32 bytes each)");
    }

    @Test
    void tensorInfoTruncated() throws IOException {
        assertContains(failure(GgufBytes.header(1, 0).string("output_norm.weight").u32(1).u64(256)),
                "tensor 'output_norm.weight': truncated: tensor type needs 4 bytes, 0 bytes left", "(at offset 62)");
    }

    @Test
    void moreThanFourDimensions() throws IOException {
        assertContains(failure(GgufBytes.header(1, 0).tensor("t", GgmlType.F32, 0, 1, 1, 1, 1, 1).zeros(64)),
                "tensor 't': has 5 dimensions, expected 1 to 4", "(at offset 33)");
    }

    @Test
    void noDimensions() throws IOException {
        assertContains(failure(GgufBytes.header(1, 0).tensor("t", GgmlType.F32, 0).zeros(64)),
                "tensor 't': has 0 dimensions, expected 1 to 4");
    }

    @Test
    void zeroSizeDimension() throws IOException {
        assertContains(failure(GgufBytes.header(1, 0).tensor("blk.0.attn_q.weight", GgmlType.F32, 0, 256, 0)
                .zeros(64)), "tensor 'blk.0.attn_q.weight': dimension 1 is 0", "(at offset 63)");
    }

    @Test
    void dimensionAbove2To63() throws IOException {
        assertContains(failure(GgufBytes.header(1, 0).tensor("t", GgmlType.F32, 0, 4, -1).zeros(64)),
                "dimension 1 is 18446744073709551615, above 2^63 - 1");
    }

    @Test
    void elementCountOverflow() throws IOException {
        assertContains(failure(GgufBytes.header(1, 0).tensor("t", GgmlType.F32, 0, 1L << 32, 1L << 32).zeros(64)),
                "tensor 't': element count of dimensions [4294967296, 4294967296] overflows 64 bits");
    }

    @Test
    void byteSizeOverflow() throws IOException {
        assertContains(failure(GgufBytes.header(1, 0).tensor("t", GgmlType.F64, 0, 1L << 61).zeros(64)),
                "byte size of 2305843009213693952 F64 elements overflows 64 bits");
    }

    @Test
    void unknownTensorType() throws IOException {
        GgufBytes bytes = GgufBytes.header(1, 0).string("t").u32(1).u64(32).u32(99).u64(0).zeros(64);
        assertContains(failure(bytes), "tensor 't': unknown tensor type 99", "(at offset 45)");
    }

    @Test
    void rowsThatAreNotWholeBlocks() throws IOException {
        assertContains(failure(GgufBytes.header(1, 0).tensor("blk.0.ffn_up.weight", GgmlType.TQ2_0, 0, 100, 4)
                .zeros(512)), "tensor 'blk.0.ffn_up.weight': TQ2_0 rows must hold a multiple of 256 elements, found 100");
    }

    @Test
    void misalignedTensorOffset() throws IOException {
        GgufBytes bytes = GgufBytes.header(1, 0).tensor("t", GgmlType.F32, 16, 4).padTo(32).zeros(64);
        assertContains(failure(bytes), "tensor 't': data offset 16 is not a multiple of the alignment 32",
                "(at offset 24)");
    }

    @Test
    void truncatedTensorData() throws IOException {
        GgufBytes bytes = GgufBytes.header(1, 0).tensor("token_embd.weight", GgmlType.F16, 0, 256, 378).padTo(32)
                .zeros(1000);
        int dataStart = 96;
        assertContains(failure(bytes), "tensor 'token_embd.weight': data [" + dataStart + ", " + (dataStart + 256 * 378 * 2)
                + ") extends past the end of the file (" + (dataStart + 1000) + " bytes)", "(at offset 24)");
    }

    @Test
    void tensorOffsetBeyondTheFile() throws IOException {
        GgufBytes bytes = GgufBytes.header(1, 0).tensor("t", GgmlType.F32, 1L << 40, 4).padTo(32);
        assertContains(failure(bytes), "extends past the end of the file");
    }

    @Test
    void overlappingTensors() throws IOException {
        GgufBytes bytes = GgufBytes.header(2, 0).tensor("a", GgmlType.F32, 0, 16).tensor("b", GgmlType.F32, 32, 16)
                .padTo(32).zeros(128);
        assertContains(failure(bytes), "tensor 'b': data at 128 overlaps tensor 'a' [96, 160)", "(at offset 128)");
    }

    @Test
    void duplicateTensorName() throws IOException {
        GgufBytes bytes = GgufBytes.header(2, 0).tensor("a", GgmlType.F32, 0, 8).tensor("a", GgmlType.F32, 32, 8)
                .padTo(32).zeros(64);
        assertContains(failure(bytes), "tensor 'a': duplicate tensor name", "(at offset 57)");
    }

    @Test
    void tensorNameLengthBeyondTheFile() throws IOException {
        assertContains(failure(GgufBytes.header(1, 0).u64(1L << 62).zeros(40)),
                "tensor 0: name length 4611686018427387904 exceeds the 40 bytes left");
    }

    private Path validTernaryFile() throws IOException {
        Random random = new Random(3);
        byte[] trits = new byte[2 * 512];
        for (int i = 0; i < trits.length; i++) {
            trits[i] = (byte) (random.nextInt(3) - 1);
        }
        Path path = directory.resolve("weights.gguf");
        new GgufWriter()
                .addTernary("blk.0.attn_q.weight", GgmlType.TQ2_0, new TernaryWeight(PackedTernaryMatrix.fromTrits(2, 512, trits), 1f))
                .addTensor("blk.0.attn_k.weight", GgmlType.Q8_0, new long[] {32}, ByteBuffer.allocate(34))
                .write(path);
        return path;
    }

    private static void patch(Path path, long offset, byte[] bytes) throws IOException {
        byte[] all = Files.readAllBytes(path);
        System.arraycopy(bytes, 0, all, (int) offset, bytes.length);
        Files.write(path, all);
    }

    @Test
    void disagreeingBlockScalesFoundWhenDecodingNameFileTensorAndOffset() throws IOException {
        Path path = validTernaryFile();
        long scaleOfBlock1;
        try (GgufFile file = GgufReader.open(path)) {
            scaleOfBlock1 = file.tensor("blk.0.attn_q.weight").fileOffset() + 66 + 64;
        }
        short two = Half.fromFloat(2f);
        patch(path, scaleOfBlock1, new byte[] {(byte) two, (byte) (two >> 8)});
        try (GgufFile file = GgufReader.open(path)) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> file.ternary("blk.0.attn_q.weight"));
            assertEquals("weights.gguf: tensor 'blk.0.attn_q.weight': TQ2_0 block 1 has scale 2.0 but block 0 has 1.0;"
                    + " a BitNet tensor needs one scale for all blocks (at offset " + scaleOfBlock1 + ")", e.getMessage());
        }
    }

    @Test
    void tensorOfAnUndecodableTypeOrMissingIsNamed() throws IOException {
        try (GgufFile file = GgufReader.open(validTernaryFile())) {
            assertContains(assertThrows(ModelFormatException.class, () -> file.ternary("blk.0.attn_k.weight")).getMessage(),
                    "weights.gguf: tensor 'blk.0.attn_k.weight': type Q8_0 holds no ternary weights");
            assertContains(assertThrows(ModelFormatException.class, () -> file.dense("blk.0.attn_q.weight")).getMessage(),
                    "type TQ2_0 is not a dense type");
            assertEquals("weights.gguf: tensor 'blk.0.attn_v.weight': is not in the file",
                    assertThrows(ModelFormatException.class, () -> file.ternary("blk.0.attn_v.weight")).getMessage());
        }
    }

    @Test
    void i2sRowsThatAreNotWholeBlocksAreRefusedWhenDecoding() throws IOException {
        Path path = GgufBytes.header(1, 0).tensor("w", GgmlType.I2_S, 0, 64, 2).padTo(32).zeros(64)
                .writeTo(directory.resolve("i2s.gguf"));
        try (GgufFile file = GgufReader.open(path)) {
            assertContains(assertThrows(ModelFormatException.class, () -> file.ternary("w")).getMessage(),
                    "i2s.gguf: tensor 'w': I2_S rows must hold a multiple of 128 weights, found 64");
        }
    }

    @Test
    void everyTruncationAndRandomCorruptionGivesOnlyModelFormatExceptions() throws IOException {
        Path valid = directory.resolve("small.gguf");
        new GgufWriter()
                .put("general.architecture", GgufValue.string("bitnet"))
                .put("tokenizer.ggml.tokens", GgufValue.stringArray(java.util.List.of("a", "bb", "ccc")))
                .put("scores", GgufValue.float32Array(1, 2, 3))
                .addTernary("w", GgmlType.TQ1_0, new TernaryWeight(PackedTernaryMatrix.zeros(1, 256), 1f))
                .write(valid);
        byte[] original = Files.readAllBytes(valid);
        Path damaged = directory.resolve("damaged.gguf");
        for (int length = 0; length < original.length; length++) {
            Files.write(damaged, Arrays.copyOf(original, length));
            openAndDecodeEverything(damaged);
        }
        Random random = new Random(99);
        for (int trial = 0; trial < 1000; trial++) {
            byte[] copy = original.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            Files.write(damaged, copy);
            openAndDecodeEverything(damaged);
        }
    }

    private static void openAndDecodeEverything(Path path) throws IOException {
        try (GgufFile file = GgufReader.open(path)) {
            for (GgufTensorInfo tensor : file.tensors()) {
                if (tensor.type().ternaryCodec().isPresent()) {
                    file.ternary(tensor.name());
                }
            }
        } catch (ModelFormatException expected) {
            assertTrue(expected.getMessage().startsWith(path.getFileName() + ": "), expected.getMessage());
        }
    }
}
