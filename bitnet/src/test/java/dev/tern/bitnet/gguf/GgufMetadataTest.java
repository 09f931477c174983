package dev.tern.bitnet.gguf;

import dev.tern.bitnet.codec.ModelFormatException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GgufMetadataTest {
    private static GgufMetadata metadata() {
        Map<String, GgufValue> values = new LinkedHashMap<>();
        values.put("bitnet.block_count", GgufValue.uint32(30));
        values.put("big", GgufValue.uint32(3_000_000_000L));
        values.put("huge", GgufValue.uint64(-1));
        values.put("name", GgufValue.string("tiny"));
        values.put("eps", GgufValue.float32(1e-5f));
        values.put("theta", GgufValue.float64(500000.0));
        values.put("tokens", GgufValue.stringArray(List.of("a", "b")));
        values.put("types", new GgufValue.IntegerArray(GgufValueType.UINT8, new long[] {1, 3}));
        values.put("bigs", GgufValue.uint32Array(1, 3_000_000_000L));
        values.put("flag", GgufValue.bool(false));
        return new GgufMetadata("model.gguf", values);
    }

    private static String failure(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ModelFormatException.class, call).getMessage();
    }

    @Test
    void integerGettersAcceptEveryWidthThatFits() {
        GgufMetadata m = metadata();
        assertEquals(30, m.getInt("bitnet.block_count"));
        assertEquals(3_000_000_000L, m.getLong("big"));
        assertArrayEquals(new int[] {1, 3}, m.getIntArray("types"));
        assertArrayEquals(new long[] {1, 3_000_000_000L}, m.getLongArray("bigs"));
        assertEquals(500000f, m.getFloat("theta"));
        assertEquals(1e-5f, m.getFloat("eps"));
        assertFalse(m.getBoolean("flag"));
        assertTrue(m.has("name"));
        assertFalse(m.find("absent").isPresent());
    }

    @Test
    void errorsNameTheKeyAndTheExpectedAndActualTypes() {
        GgufMetadata m = metadata();
        assertEquals("model.gguf: metadata key 'name': expected an integer, found string", failure(() -> m.getInt("name")));
        assertEquals("model.gguf: metadata key 'bitnet.block_count': expected string, found uint32",
                failure(() -> m.getString("bitnet.block_count")));
        assertEquals("model.gguf: metadata key 'bitnet.block_count': expected float32 or float64, found uint32",
                failure(() -> m.getFloat("bitnet.block_count")));
        assertEquals("model.gguf: metadata key 'tokens': expected array of float32 or float64, found array of string",
                failure(() -> m.getFloatArray("tokens")));
        assertEquals("model.gguf: metadata key 'name': expected array of string, found string",
                failure(() -> m.getStringArray("name")));
        assertEquals("model.gguf: metadata key 'flag': expected an integer, found bool", failure(() -> m.getLong("flag")));
        assertEquals("model.gguf: metadata key 'bitnet.context_length': is missing",
                failure(() -> m.getInt("bitnet.context_length")));
    }

    @Test
    void valuesThatDoNotFitTheJavaTypeAreErrors() {
        GgufMetadata m = metadata();
        assertEquals("model.gguf: metadata key 'big': value 3000000000 does not fit a 32-bit int",
                failure(() -> m.getInt("big")));
        assertEquals("model.gguf: metadata key 'huge': value 18446744073709551615 does not fit a 64-bit signed long",
                failure(() -> m.getLong("huge")));
        assertEquals("model.gguf: metadata key 'bigs': element 1 = 3000000000 does not fit a 32-bit int",
                failure(() -> m.getIntArray("bigs")));
    }
}
