package dev.tern.bitnet.model;

import dev.tern.bitnet.codec.ModelFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads a BitNet model from a path, whatever its format: a file starting with the GGUF magic, or a Hugging
 * Face checkpoint (its directory, or a {@code .safetensors} / {@code .index.json} file inside it).
 */
public final class BitNetModelLoader {
    private static final byte[] GGUF_MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);

    private BitNetModelLoader() {
    }

    public static BitNetModel load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return BitNetSafetensorsLoader.load(path);
        }
        if (!Files.isRegularFile(path)) {
            throw ModelFormatException.of(path.toString(), null, "no such file or directory",
                    ModelFormatException.NO_OFFSET);
        }
        if (startsWithGgufMagic(path)) {
            return BitNetGgufLoader.load(path);
        }
        String name = String.valueOf(path.getFileName());
        if (name.endsWith(".safetensors") || name.endsWith(".index.json")) {
            return BitNetSafetensorsLoader.load(path.toAbsolutePath().getParent());
        }
        throw ModelFormatException.of(name, null, "neither a GGUF file (it does not start with 'GGUF') nor part of a"
                + " Hugging Face checkpoint (a directory with config.json and model.safetensors)",
                ModelFormatException.NO_OFFSET);
    }

    private static boolean startsWithGgufMagic(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(GGUF_MAGIC, in.readNBytes(GGUF_MAGIC.length));
        }
    }
}
