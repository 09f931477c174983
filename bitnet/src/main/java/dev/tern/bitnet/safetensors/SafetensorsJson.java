package dev.tern.bitnet.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tern.bitnet.codec.ModelFormatException;

import java.io.IOException;

/** JSON parsing for safetensors headers and shard indexes: strict about duplicates and trailing text. */
final class SafetensorsJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SafetensorsJson() {
    }

    /** Parses {@code json} as one JSON object; anything else is an error about {@code subject} of {@code file}. */
    static JsonNode parseObject(byte[] json, String file, String subject, long offset) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ModelFormatException.of(file, subject, "is not valid JSON: " + e.getOriginalMessage() + where, offset);
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory failed", e);
        }
        if (root == null || !root.isObject()) {
            throw ModelFormatException.of(file, subject, "is not a JSON object", offset);
        }
        return root;
    }

    /** A non-negative integer that fits a long, or -1. */
    static long nonNegativeLong(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            return -1;
        }
        return node.longValue();
    }
}
