package dev.tern.bitnet.model;

import dev.tern.bitnet.gguf.GgmlType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The file formats a model can be written in, by the names users type ({@link #formatName()}), in the order
 * lists show them; GGUF ones differ in how BitLinear weights are encoded.
 */
public enum ModelFileFormat {
    /** GGUF with TQ2_0 weights (2 bits per weight, llama.cpp). */
    GGUF_TQ2_0("gguf-tq2"),
    /** GGUF with I2_S weights (bitnet.cpp). */
    GGUF_I2_S("gguf-i2s"),
    /** GGUF with TQ1_0 weights (base-3 packed, 1.69 bits per weight, llama.cpp). */
    GGUF_TQ1_0("gguf-tq1"),
    /** A Hugging Face checkpoint directory with packed U8 safetensors. */
    SAFETENSORS("safetensors");

    private final String formatName;

    ModelFileFormat(String formatName) {
        this.formatName = formatName;
    }

    /** The name users type: gguf-tq2, gguf-i2s, gguf-tq1, safetensors. */
    public String formatName() {
        return formatName;
    }

    /** Every format's name, in order. */
    public static List<String> formatNames() {
        return Arrays.stream(values()).map(ModelFileFormat::formatName).toList();
    }

    /** The format called {@code name} (any case). */
    public static ModelFileFormat fromName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.formatName.equals(key)).findFirst().orElseThrow(() ->
                new BitNetException("unknown format '" + name + "'; formats: " + String.join(", ", formatNames())));
    }

    /** Writes {@code model} to {@code path}: a file for GGUF, a directory for safetensors. */
    public void write(ModelSource model, Path path) throws IOException {
        switch (this) {
            case GGUF_TQ2_0 -> BitNetGgufWriter.write(model, GgmlType.TQ2_0, path);
            case GGUF_TQ1_0 -> BitNetGgufWriter.write(model, GgmlType.TQ1_0, path);
            case GGUF_I2_S -> BitNetGgufWriter.write(model, GgmlType.I2_S, path);
            case SAFETENSORS -> BitNetSafetensorsWriter.write(model, path);
        }
    }
}
