package dev.tern.bitnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.bitnet.codec.ModelFormatException;
import dev.tern.bitnet.synth.SyntheticModel;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BitNetSafetensorsLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path checkpoint;

    @BeforeEach
    void writeTinyCheckpoint() throws IOException {
        checkpoint = dir.resolve("tiny-hf");
        SyntheticModel.create(BitNetConfig.tiny(), 2).write(ModelFileFormat.SAFETENSORS, checkpoint);
    }

    private void editConfig(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path file = checkpoint.resolve("config.json");
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(json);
        JSON.writeValue(file.toFile(), json);
    }

    @Test
    void weightScaleIsGammaForAutoBitLinearAndItsInverseForBitLinear() throws IOException {
        float gamma = BitNetModelLoader.load(checkpoint).weights().layers().get(0).q().weight().scale();
        assertEquals(SyntheticModel.create(BitNetConfig.tiny(), 2).projection(0, Projection.Q).weight().scale(), gamma);
        editConfig(json -> ((ObjectNode) json.get("quantization_config")).put("linear_class", "bitlinear"));
        float inverse = BitNetModelLoader.load(checkpoint).weights().layers().get(0).q().weight().scale();
        assertEquals(1f / gamma, inverse);
    }

    @Test
    void shapeThatDisagreesWithConfigJsonNamesTensorExpectedAndFound() throws IOException {
        editConfig(json -> json.put("intermediate_size", 512));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> BitNetModelLoader.load(checkpoint));
        assertEquals("model.safetensors: tensor 'model.layers.0.mlp.gate_proj.weight': expected shape [128, 128]"
                + " from config.json, found [96, 128]", e.getMessage());
    }

    @Test
    void missingConfigKeyIsNamed() throws IOException {
        editConfig(json -> json.remove("num_hidden_layers"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> BitNetModelLoader.load(checkpoint));
        assertEquals("config.json: key 'num_hidden_layers': expected an integer, found null", e.getMessage());
    }

    @Test
    void onlineQuantisedCheckpointsAreRefused() throws IOException {
        editConfig(json -> ((ObjectNode) json.get("quantization_config")).put("quantization_mode", "online"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> BitNetModelLoader.load(checkpoint));
        assertEquals("config.json: key 'quantization_config.quantization_mode': 'online' checkpoints hold"
                + " full-precision weights; only 'offline' (ternary) ones are read", e.getMessage());
    }

    @Test
    void aSafetensorsFileLoadsItsDirectory() throws IOException {
        assertEquals(BitNetConfig.tiny(), BitNetModelLoader.load(checkpoint.resolve("model.safetensors")).config());
    }
}
