package dev.tern.energy.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The model sizes of the BitNet b1.58 paper (700M to 70B), read from the project's resource file
 * where each shape carries its source.
 */
public final class PaperModels {

    private static final String RESOURCE = "/dev/tern/energy/workload/bitnet-paper-models.json";

    /** A paper model and where its shape comes from. */
    public record Sourced(ModelShape shape, String source) {
    }

    private PaperModels() {
    }

    public static List<Sourced> all() {
        try (InputStream in = PaperModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the jar: " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Sourced> result = new ArrayList<>();
            for (JsonNode model : root.get("models")) {
                result.add(new Sourced(new ModelShape(
                        model.get("name").textValue(),
                        model.get("hidden").intValue(),
                        model.get("intermediate").intValue(),
                        model.get("layers").intValue(),
                        model.get("heads").intValue(),
                        model.get("kv_heads").intValue(),
                        model.get("head_dim").intValue(),
                        model.get("vocab").intValue(),
                        model.get("tied_embeddings").booleanValue(),
                        model.get("gated_ffn").booleanValue()),
                        model.get("source").textValue()));
            }
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    public static List<ModelShape> shapes() {
        return all().stream().map(Sourced::shape).toList();
    }
}
