package dev.tern.bitnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tern.bitnet.codec.ModelFormatException;
import dev.tern.bitnet.gguf.GgufFile;
import dev.tern.bitnet.gguf.GgufReader;
import dev.tern.bitnet.gguf.GgufTensorInfo;
import dev.tern.bitnet.gguf.GgufValue;
import dev.tern.bitnet.gguf.GgufWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BitNetGgufLoaderTest {
    @TempDir
    Path dir;

    private static Path fixture() throws URISyntaxException {
        return Path.of(BitNetGgufLoaderTest.class.getResource("/fixtures/llamacpp-bitnet-tiny/tiny-tq2_0.gguf").toURI());
    }

    /** The fixture rewritten with metadata {@code changes} (a null value drops the key) and without some tensors. */
    private Path altered(Map<String, GgufValue> changes, Predicate<String> dropTensor) throws Exception {
        Path out = dir.resolve("altered.gguf");
        try (GgufFile in = GgufReader.open(fixture())) {
            GgufWriter writer = new GgufWriter();
            in.metadata().asMap().forEach((key, value) -> {
                if (!changes.containsKey(key)) {
                    writer.put(key, value);
                } else if (changes.get(key) != null) {
                    writer.put(key, changes.get(key));
                }
            });
            for (GgufTensorInfo t : in.tensors()) {
                if (!dropTensor.test(t.name())) {
                    writer.addTensor(t.name(), t.type(), t.dimensions(), in.tensorData(t.name()));
                }
            }
            writer.write(out);
        }
        return out;
    }

    @Test
    void fixtureConfigIsReadFromTheBitnetKeys() throws Exception {
        BitNetConfig c = BitNetGgufLoader.load(fixture()).config();
        assertEquals(new BitNetConfig(256, 512, 2, 4, 2, 64, 378, 256, 10_000f, 1e-5f, FfnActivation.SWIGLU, true,
                true, RopeStyle.NEOX), c);
    }

    @Test
    void shapeThatDisagreesWithTheConfigNamesTensorExpectedAndFound() throws Exception {
        Path file = altered(Map.of("bitnet.feed_forward_length", GgufValue.uint32(1024)), name -> false);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> BitNetGgufLoader.load(file));
        assertEquals("altered.gguf: tensor 'blk.0.ffn_gate.weight': expected dimensions [256, 1024] (innermost first)"
                + " from the hyper-parameters, found [256, 512]", e.getMessage());
    }

    @Test
    void missingTensorIsNamed() throws Exception {
        Path file = altered(Map.of(), name -> name.equals("blk.1.ffn_down.weight"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> BitNetGgufLoader.load(file));
        assertEquals("altered.gguf: tensor 'blk.1.ffn_down.weight': is not in the file", e.getMessage());
    }

    @Test
    void otherArchitectureIsRefusedByName() throws Exception {
        Path file = altered(Map.of("general.architecture", GgufValue.string("llama")), name -> false);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> BitNetGgufLoader.load(file));
        assertEquals("altered.gguf: metadata key 'general.architecture': 'llama' is not a BitNet architecture"
                + " (bitnet, bitnet-b1.58, bitnet-25)", e.getMessage());
    }

    @Test
    void partialRotaryEmbeddingIsRefused() throws Exception {
        Path file = altered(Map.of("bitnet.rope.dimension_count", GgufValue.uint32(32)), name -> false);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> BitNetGgufLoader.load(file));
        assertEquals("altered.gguf: metadata key 'bitnet.rope.dimension_count': is 32 but the head size (partial"
                + " rotary embeddings are not supported) is 64", e.getMessage());
    }

    @Test
    void unsupportedPreTokenizerIsNamedWithTheFile() throws Exception {
        Path file = altered(Map.of("tokenizer.ggml.pre", GgufValue.string("qwen2")), name -> false);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> BitNetGgufLoader.load(file));
        assertEquals("altered.gguf: tokenizer: unsupported pre-tokenizer 'qwen2' (tokenizer.ggml.pre); supported:"
                + " llama-bpe, llama3, llama-v3, gpt-2, gpt2", e.getMessage());
    }

    @Test
    void outputScaleTensorsMultiplyTheirProjection() throws Exception {
        Path file = dir.resolve("scaled.gguf");
        try (GgufFile in = GgufReader.open(fixture())) {
            GgufWriter writer = new GgufWriter();
            in.metadata().asMap().forEach(writer::put);
            for (GgufTensorInfo t : in.tensors()) {
                writer.addTensor(t.name(), t.type(), t.dimensions(), in.tensorData(t.name()));
            }
            writer.addDense("blk.1.attn_v.scale", dev.tern.bitnet.tensor.DenseElementType.F32,
                    dev.tern.bitnet.tensor.BufferDenseMatrix.of(dev.tern.bitnet.tensor.DenseElementType.F32, 1, 1,
                            new float[] {0.5f}), 1);
            writer.write(file);
        }
        BitNetModel model = BitNetGgufLoader.load(file);
        assertEquals(0.5f, model.weights().layers().get(1).v().outputScale());
        assertEquals(1f, model.weights().layers().get(0).v().outputScale());
    }

    @Test
    void notAModelFileIsNamed() throws IOException {
        Path file = dir.resolve("notes.txt");
        java.nio.file.Files.writeString(file, "hello");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> BitNetModelLoader.load(file));
        assertEquals("notes.txt: neither a GGUF file (it does not start with 'GGUF') nor part of a Hugging Face"
                + " checkpoint (a directory with config.json and model.safetensors)", e.getMessage());
    }
}
