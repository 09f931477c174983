package dev.tern.bitnet.model;

import dev.tern.bitnet.gguf.GgmlType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The file formats a model can be written in; GGUF ones differ in how BitLinear weights are encoded. */
public enum ModelFileFormat {
    /** GGUF with TQ2_0 weights (2 bits per weight, llama.cpp). */
    GGUF_TQ2_0("tq2_0"),
    /** GGUF with TQ1_0 weights (base-3 packed, 1.69 bits per weight, llama.cpp). */
    GGUF_TQ1_0("tq1_0"),
    /** GGUF with I2_S weights (bitnet.cpp). */
    GGUF_I2_S("i2_s"),
    /** A Hugging Face checkpoint directory with packed U8 safetensors. */
    SAFETENSORS("safetensors");

    private final String cliName;

    ModelFileFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The short name users type: tq2_0, tq1_0, i2_s, safetensors. */
    public String cliName() {
        return cliName;
    }

    public static ModelFileFormat fromName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.cliName.equals(key)).findFirst().orElseThrow(() ->
                new BitNetException("unknown model format '" + name + "'; known formats: "
                        + String.join(", ", Arrays.stream(values()).map(ModelFileFormat::cliName).toList())));
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
