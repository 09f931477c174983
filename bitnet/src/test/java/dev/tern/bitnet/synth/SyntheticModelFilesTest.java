package dev.tern.bitnet.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tern.bitnet.gguf.GgmlType;
import dev.tern.bitnet.gguf.GgufFile;
import dev.tern.bitnet.gguf.GgufReader;
import dev.tern.bitnet.infer.Generator;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.BitNetModelLoader;
import dev.tern.bitnet.model.FfnActivation;
import dev.tern.bitnet.model.ModelFileFormat;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.RopeStyle;
import dev.tern.bitnet.model.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticModelFilesTest {
    @TempDir
    Path dir;

    private static float[][] logits(BitNetModel model) {
        int[] prompt = model.tokenizer().encode("The keeper counted the levers twice.");
        return new Generator(model, ReferenceTernaryMatmul.singleThreaded(), WorkerPool.singleThreaded())
                .promptLogits(prompt);
    }

    private void assertEveryFormatGivesTheLogitsOfTheModelInMemory(BitNetConfig config) throws IOException {
        SyntheticModel synthetic = SyntheticModel.create(config, 7);
        BitNetModel inMemory = synthetic.model();
        float[][] expected = logits(inMemory);
        for (ModelFileFormat format : ModelFileFormat.values()) {
            Path path = dir.resolve(config.hidden() + "-" + format.formatName());
            synthetic.write(format, path);
            BitNetModel loaded = BitNetModelLoader.load(path);
            assertEquals(config, loaded.config(), format.formatName());
            assertEquals(synthetic.tokenizer(), loaded.tokenizer().spec(), format.formatName());
            float[][] actual = logits(loaded);
            for (int t = 0; t < expected.length; t++) {
                assertArrayEquals(expected[t], actual[t], format.formatName() + " position " + t);
            }
        }
    }

    @Test
    void tinyModelGivesIdenticalLogitsFromEveryFormat() throws IOException {
        assertEveryFormatGivesTheLogitsOfTheModelInMemory(BitNetConfig.tiny());
    }

    @Test
    void smallModelGivesIdenticalLogitsFromEveryFormat() throws IOException {
        assertEveryFormatGivesTheLogitsOfTheModelInMemory(BitNetConfig.small());
    }

    @Test
    void untiedSwigluModelWithoutSubNormsGivesIdenticalLogitsFromEveryFormat() throws IOException {
        BitNetConfig config = new BitNetConfig(256, 512, 2, 4, 4, 64, 300, 64, 10_000f, 1e-6f, FfnActivation.SWIGLU,
                false, false, RopeStyle.NEOX);
        assertEveryFormatGivesTheLogitsOfTheModelInMemory(config);
        BitNetModel model = SyntheticModel.create(config, 7).model();
        assertNotEquals(model.weights().tokenEmbedding().get(3, 0), model.weights().lmHead().get(3, 0));
    }

    @Test
    void adjacentPairRopeCannotBeWrittenToFormatsThatRotateNeoxStyle() {
        BitNetConfig config = new BitNetConfig(128, 384, 1, 4, 2, 32, 300, 64, 10_000f, 1e-5f, FfnActivation.RELU2,
                true, true, RopeStyle.ADJACENT_PAIRS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticModel.create(config, 1).write(ModelFileFormat.GGUF_TQ2_0, dir.resolve("x.gguf")));
        assertEquals("llama.cpp's BitNet architectures rotate NEOX-style; a model with ADJACENT_PAIRS RoPE cannot"
                + " be written as GGUF", e.getMessage());
    }

    @Test
    void rowsThatAreNotWholeTq2BlocksAreStoredAsF16AndTheRestAsTq2() throws IOException {
        Path tiny = dir.resolve("tiny.gguf");
        SyntheticModel.create(BitNetConfig.tiny(), 1).write(ModelFileFormat.GGUF_TQ2_0, tiny);
        try (GgufFile gguf = GgufReader.open(tiny)) {
            assertEquals(GgmlType.F16, gguf.tensor("blk.0.attn_q.weight").type());
            assertEquals("bitnet-b1.58", gguf.metadata().getString("general.architecture"));
        }
        Path small = dir.resolve("small.gguf");
        SyntheticModel.create(BitNetConfig.small(), 1).write(ModelFileFormat.GGUF_TQ2_0, small);
        try (GgufFile gguf = GgufReader.open(small)) {
            assertEquals(GgmlType.TQ2_0, gguf.tensor("blk.0.attn_q.weight").type());
            assertEquals(GgmlType.TQ2_0, gguf.tensor("blk.3.ffn_down.weight").type());
            assertEquals(GgmlType.F16, gguf.tensor("token_embd.weight").type());
        }
    }

    @Test
    void sameSeedSameFileOtherSeedOtherFile() throws IOException {
        Path a = dir.resolve("a.gguf");
        Path b = dir.resolve("b.gguf");
        Path c = dir.resolve("c.gguf");
        SyntheticModel.create(BitNetConfig.tiny(), 5).write(ModelFileFormat.GGUF_I2_S, a);
        SyntheticModel.create(BitNetConfig.tiny(), 5).write(ModelFileFormat.GGUF_I2_S, b);
        SyntheticModel.create(BitNetConfig.tiny(), 6).write(ModelFileFormat.GGUF_I2_S, c);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    }
}
