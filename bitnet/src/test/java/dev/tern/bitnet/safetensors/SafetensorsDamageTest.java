package dev.tern.bitnet.safetensors;

import dev.tern.bitnet.codec.ModelFormatException;
import dev.tern.bitnet.codec.ScaleConvention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged safetensors files and shard indexes: one-line errors naming file, tensor or field, and problem. */
class SafetensorsDamageTest {
    @TempDir
    Path directory;

    private Path file(String name, long headerLength, String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(headerLength).put(json);
        Path path = directory.resolve(name);
        Files.write(path, bytes.array());
        return path;
    }

    private Path file(String header, int dataBytes) throws IOException {
        return file("bad.safetensors", header.getBytes(StandardCharsets.UTF_8).length, header, dataBytes);
    }

    private static String failure(Path path) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsCheckpoint.open(path).close());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void fileShorterThanTheHeaderLength() throws IOException {
        Path path = directory.resolve("bad.safetensors");
        Files.write(path, new byte[] {1, 2, 3});
        assertEquals("bad.safetensors: header: truncated: the 8-byte header length needs 8 bytes, the file has 3"
                + " (at offset 0)", failure(path));
    }

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        assertEquals("bad.safetensors: header: header length 1000 exceeds the 2 bytes after it (at offset 0)",
                failure(file("bad.safetensors", 1000, "{}", 0)));
        assertContains(failure(file("bad.safetensors", -1, "{}", 0)), "header length 18446744073709551615 exceeds");
    }

    @Test
    void headerLengthBeyondTheLimit() throws IOException {
        Path path = directory.resolve("big.safetensors");
        try (var channel = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 200_000_000L));
            channel.write(ByteBuffer.allocate(1), 200_000_100L); // sparse: no real disk use
        }
        assertContains(failure(path), "big.safetensors: header: header length 200000000 exceeds the limit of 100000000 bytes");
    }

    @Test
    void headerThatIsNotJson() throws IOException {
        assertContains(failure(file("{\"a\": {\"dtype\": \"F32\",", 0)),
                "bad.safetensors: header: is not valid JSON: Unexpected end-of-input", "(at offset 8)");
    }

    @Test
    void headerThatIsNotAnObject() throws IOException {
        assertEquals("bad.safetensors: header: is not a JSON object (at offset 8)", failure(file("[1, 2]", 0)));
    }

    @Test
    void textAfterTheHeaderObject() throws IOException {
        assertContains(failure(file("{} {}", 0)), "header: is not valid JSON: Trailing token");
    }

    @Test
    void duplicateTensorName() throws IOException {
        String header = "{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},"
                + "\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]}}";
        assertContains(failure(file(header, 2)), "header: is not valid JSON: Duplicate field 'a'");
    }

    @Test
    void unknownDtype() throws IOException {
        assertEquals("bad.safetensors: tensor 'w': unknown dtype 'Q4'",
                failure(file("{\"w\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1)));
    }

    @Test
    void tensorEntryThatIsNotAnObject() throws IOException {
        assertContains(failure(file("{\"w\": 5}", 0)), "tensor 'w': expected an object with dtype, shape and data_offsets");
    }

    @Test
    void missingShape() throws IOException {
        assertContains(failure(file("{\"w\":{\"dtype\":\"U8\",\"data_offsets\":[0,1]}}", 1)),
                "tensor 'w': shape is missing or not an array");
    }

    @Test
    void negativeOrFractionalShape() throws IOException {
        assertContains(failure(file("{\"w\":{\"dtype\":\"U8\",\"shape\":[2,-1],\"data_offsets\":[0,1]}}", 1)),
                "tensor 'w': shape element 1 is -1, expected a non-negative integer");
        assertContains(failure(file("{\"w\":{\"dtype\":\"U8\",\"shape\":[1.5],\"data_offsets\":[0,1]}}", 1)),
                "shape element 0 is 1.5");
    }

    @Test
    void elementCountOverflow() throws IOException {
        assertContains(failure(file("{\"w\":{\"dtype\":\"U8\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,1]}}", 1)),
                "tensor 'w': element count of shape [4294967296,4294967296] overflows 64 bits");
    }

    @Test
    void dataOffsetsMalformed() throws IOException {
        assertContains(failure(file("{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0]}}", 1)),
                "tensor 'w': data_offsets is missing or not [begin, end]");
        assertContains(failure(file("{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[2,1]}}", 2)),
                "tensor 'w': data_offsets [2,1] are not integers with 0 <= begin <= end");
    }

    @Test
    void dataOffsetsBeyondTheFile() throws IOException {
        String header = "{\"model.embed_tokens.weight\":{\"dtype\":\"BF16\",\"shape\":[4,4],\"data_offsets\":[0,32]}}";
        int headerBytes = header.length();
        assertEquals("bad.safetensors: tensor 'model.embed_tokens.weight': data_offsets [0,32] end beyond the data section"
                + " (20 bytes) (at offset " + (8 + headerBytes) + ")", failure(file(header, 20)));
        assertContains(failure(file("{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,99999999999999999999]}}", 1)),
                "data_offsets [0,99999999999999999999] are not integers");
    }

    @Test
    void dtypeAndShapeDisagreeWithTheOffsets() throws IOException {
        assertContains(failure(file("{\"w\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,4]}}", 4)),
                "tensor 'w': data_offsets [0,4] hold 4 bytes, but F16 [3] needs 6");
    }

    @Test
    void overlappingTensors() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}";
        assertContains(failure(file(header, 16)), "tensor 'b': data_offsets [8, 16] overlap tensor 'a' [0, 16]");
    }

    @Test
    void metadataThatIsNotStrings() throws IOException {
        assertContains(failure(file("{\"__metadata__\":{\"format\":1}}", 0)),
                "bad.safetensors: __metadata__ key 'format': expected a string, found NUMBER");
    }

    private Path validShard(String name) throws IOException {
        Path path = directory.resolve(name);
        new SafetensorsWriter().add("a", SafetensorsDtype.U8, new long[] {1}, ByteBuffer.wrap(new byte[] {1})).write(path);
        return path;
    }

    private Path index(String json) throws IOException {
        Path path = directory.resolve(SafetensorsCheckpoint.INDEX_FILE);
        Files.writeString(path, json);
        return path;
    }

    @Test
    void missingShardFile() throws IOException {
        validShard("model-00001-of-00002.safetensors");
        index("{\"weight_map\":{\"a\":\"model-00001-of-00002.safetensors\",\"b\":\"model-00002-of-00002.safetensors\"}}");
        assertEquals("model.safetensors.index.json: weight_map entry 'b': shard 'model-00002-of-00002.safetensors'"
                + " does not exist", failure(directory));
    }

    @Test
    void shardThatLacksAListedTensor() throws IOException {
        validShard("s1.safetensors");
        index("{\"weight_map\":{\"a\":\"s1.safetensors\",\"missing\":\"s1.safetensors\"}}");
        assertEquals("model.safetensors.index.json: tensor 'missing': is listed for shard 's1.safetensors', which does"
                + " not hold it", failure(directory));
    }

    @Test
    void shardPathLeavingTheDirectory() throws IOException {
        index("{\"weight_map\":{\"a\":\"../elsewhere.safetensors\"}}");
        assertContains(failure(directory), "weight_map entry 'a': shard path '../elsewhere.safetensors' does not name"
                + " a file in the index's directory");
    }

    @Test
    void indexWithoutWeightMap() throws IOException {
        assertEquals("model.safetensors.index.json: weight_map: is missing or not an object",
                failure(index("{\"metadata\":{}}")));
        assertContains(failure(index("{\"weight_map\":{\"a\":7}}")), "weight_map entry 'a': expected a shard file name");
        assertContains(failure(index("{\"weight_map\":")), "model.safetensors.index.json: index: is not valid JSON");
    }

    @Test
    void directoryWithoutACheckpoint() throws IOException {
        Path empty = Files.createDirectory(directory.resolve("empty"));
        assertEquals("empty: directory holds neither model.safetensors.index.json nor model.safetensors", failure(empty));
    }

    @Test
    void decodingErrorsNameTheTensor() throws IOException {
        Path path = directory.resolve("w.safetensors");
        new SafetensorsWriter()
                .add("w", SafetensorsDtype.F32, new long[] {2, 2}, ByteBuffer.allocate(16))
                .add("scale2", SafetensorsDtype.F32, new long[] {2}, ByteBuffer.allocate(8))
                .add("ids", SafetensorsDtype.I64, new long[] {1}, ByteBuffer.allocate(8))
                .write(path);
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(path)) {
            assertContains(assertThrows(ModelFormatException.class,
                    () -> checkpoint.packedTernary("w", "scale2", ScaleConvention.MULTIPLIES)).getMessage(),
                    "w.safetensors: tensor 'w': expected a packed ternary U8 tensor of shape [out/4, in], found F32 [2, 2]");
            assertContains(assertThrows(ModelFormatException.class, () -> checkpoint.scalar("scale2")).getMessage(),
                    "tensor 'scale2': expected one element, found shape [2]");
            assertContains(assertThrows(ModelFormatException.class, () -> checkpoint.dense("ids")).getMessage(),
                    "tensor 'ids': dtype I64 is not a dense type");
            assertEquals("w.safetensors: tensor 'nope': is not in the checkpoint",
                    assertThrows(ModelFormatException.class, () -> checkpoint.tensor("nope")).getMessage());
        }
    }
}
