package dev.tern.bitnet.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.bitnet.codec.DenseCodec;
import dev.tern.bitnet.codec.HfPackedTernaryCodec;
import dev.tern.bitnet.codec.TensorDataWriter;
import dev.tern.bitnet.safetensors.SafetensorsCheckpoint;
import dev.tern.bitnet.safetensors.SafetensorsDtype;
import dev.tern.bitnet.safetensors.SafetensorsWriter;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tokenizer.HuggingFaceTokenizerJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a model as a Hugging Face checkpoint directory like microsoft/bitnet-b1.58-2B-4T's: {@code config.json}
 * (AutoBitLinear, offline), {@code tokenizer.json} and one {@code model.safetensors} with packed U8 weights,
 * BF16 {@code weight_scale}s (gamma itself), and BF16 embeddings and norms, one tensor at a time. Values must
 * be exact in BF16; the layout has no per-projection output scale, so a model with one is refused.
 */
public final class BitNetSafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BitNetSafetensorsWriter() {
    }

    public static void write(ModelSource model, Path directory) throws IOException {
        BitNetConfig c = model.config();
        Files.createDirectories(directory);
        JSON.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(HfBitNetSchema.CONFIG_FILE).toFile(),
                HfBitNetSchema.configJson(c, model.tokenizer().bosId(), model.tokenizer().eosId()));
        HuggingFaceTokenizerJson.write(model.tokenizer(), directory.resolve(HfBitNetSchema.TOKENIZER_FILE));
        SafetensorsWriter out = new SafetensorsWriter();
        dense(out, HfBitNetSchema.EMBEDDING, c.vocab(), c.hidden(), model::embeddingRow);
        for (int layer = 0; layer < c.layers(); layer++) {
            norm(out, model, layer, LayerNorm.ATTN);
            projection(out, model, layer, Projection.Q);
            projection(out, model, layer, Projection.K);
            projection(out, model, layer, Projection.V);
            norm(out, model, layer, LayerNorm.ATTN_SUB);
            projection(out, model, layer, Projection.O);
            norm(out, model, layer, LayerNorm.FFN);
            projection(out, model, layer, Projection.GATE);
            projection(out, model, layer, Projection.UP);
            norm(out, model, layer, LayerNorm.FFN_SUB);
            projection(out, model, layer, Projection.DOWN);
        }
        float[] outputNorm = model.outputNorm();
        vector(out, HfBitNetSchema.OUTPUT_NORM, outputNorm);
        if (!c.tiedEmbeddings()) {
            dense(out, HfBitNetSchema.LM_HEAD, c.vocab(), c.hidden(), model::lmHeadRow);
        }
        out.write(directory.resolve(SafetensorsCheckpoint.SINGLE_FILE));
    }

    private static void projection(SafetensorsWriter out, ModelSource model, int layer, Projection p) {
        BitNetConfig c = model.config();
        String name = HfBitNetSchema.projectionWeight(layer, p);
        if (model.outputScale(layer, p) != 1f) {
            throw new IllegalArgumentException("tensor '" + name + "': the Hugging Face layout has no output scale"
                    + " beside weight_scale, and this one is " + model.outputScale(layer, p));
        }
        int rows = p.outFeatures(c);
        if (rows % 4 != 0) {
            throw new IllegalArgumentException("tensor '" + name + "': the packed layout needs a multiple of 4 rows, got "
                    + rows);
        }
        int cols = p.inFeatures(c);
        float[] gamma = new float[1];
        out.add(name, SafetensorsDtype.U8, new long[] {rows / 4, cols}, bytes -> {
            var weight = model.projection(layer, p).weight();
            gamma[0] = weight.scale();
            TensorDataWriter.writeFully(bytes, ByteBuffer.wrap(HfPackedTernaryCodec.encode(weight)));
        });
        // Written right after its weight, so the scale taken while encoding the weight is there.
        String scaleName = HfBitNetSchema.projectionScale(layer, p);
        out.add(scaleName, SafetensorsDtype.BF16, new long[] {1},
                DenseCodec.exactRows(scaleName, DenseElementType.BF16, 1, 1, (r, dst) -> dst[0] = gamma[0]));
    }

    private static void norm(SafetensorsWriter out, ModelSource model, int layer, LayerNorm n) {
        if (n.presentIn(model.config())) {
            vector(out, HfBitNetSchema.norm(layer, n), model.norm(layer, n));
        }
    }

    private static void dense(SafetensorsWriter out, String name, int rows, int cols, DenseCodec.RowSource source) {
        out.add(name, SafetensorsDtype.BF16, new long[] {rows, cols},
                DenseCodec.exactRows(name, DenseElementType.BF16, rows, cols, source));
    }

    private static void vector(SafetensorsWriter out, String name, float[] values) {
        out.add(name, SafetensorsDtype.BF16, new long[] {values.length},
                DenseCodec.exactVector(name, DenseElementType.BF16, values));
    }
}
