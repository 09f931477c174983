package dev.tern.bitnet.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.bitnet.gguf.GgmlType;
import dev.tern.bitnet.infer.Generation;
import dev.tern.bitnet.infer.GenerationListener;
import dev.tern.bitnet.infer.GenerationOptions;
import dev.tern.bitnet.infer.Generator;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.BitNetModelLoader;
import dev.tern.bitnet.model.ModelFileFormat;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the 2B-shaped model (about 1.2 GB, about a minute) and runs it. Too slow for the default run:
 * {@code mvn -pl bitnet test -Dtest=TwoBShapeFileTest -Dtern.slowTests=true}.
 */
@EnabledIfSystemProperty(named = "tern.slowTests", matches = "true")
class TwoBShapeFileTest {
    @TempDir
    Path dir;

    @Test
    void twoBShapeIsWrittenAsTq2AndRuns() throws IOException {
        BitNetConfig config = BitNetConfig.twoBShape();
        Path file = dir.resolve("2b-tq2_0.gguf");
        SyntheticModel.create(config, 1).write(ModelFileFormat.GGUF_TQ2_0, file);
        long ternaryBytes = config.ternaryWeightsPerToken() / GgmlType.TQ2_0.blockSize() * GgmlType.TQ2_0.blockBytes();
        long embeddingBytes = 2L * config.vocab() * config.hidden();
        long normBytes = 4L * config.hidden() * (1 + 3L * config.layers()) + 4L * config.intermediate() * config.layers();
        long size = Files.size(file);
        // Data plus a header of at most a few megabytes (the 128256-token vocabulary and its merges).
        long data = ternaryBytes + embeddingBytes + normBytes;
        assertTrue(size > data && size < data + (8 << 20),
                "file of " + size + " bytes for " + data + " bytes of tensors");
        BitNetModel model = BitNetModelLoader.load(file);
        assertEquals(config, model.config());
        try (WorkerPool pool = WorkerPool.perProcessor()) {
            Generation g = new Generator(model, new ReferenceTernaryMatmul(pool), pool)
                    .generate("The keeper", GenerationOptions.greedy(2), GenerationListener.NONE);
            assertEquals(2, g.tokens().length);
            // The prompt, then one decode step: the second token is not fed back.
            assertEquals((g.promptTokens().length + 1L) * config.ternaryWeightsPerToken(), g.counts().totalTernaryMacs());
        }
    }
}
