package dev.tern.bitnet.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.bitnet.codec.ModelFormatException;
import dev.tern.bitnet.codec.ScaleConvention;
import dev.tern.bitnet.codec.TernaryRecovery;
import dev.tern.bitnet.safetensors.SafetensorsCheckpoint;
import dev.tern.bitnet.safetensors.SafetensorsDtype;
import dev.tern.bitnet.tensor.DenseMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;
import dev.tern.bitnet.tokenizer.BpeTokenizer;
import dev.tern.bitnet.tokenizer.HuggingFaceTokenizerJson;
import dev.tern.bitnet.tokenizer.TokenizerException;
import dev.tern.bitnet.tokenizer.TokenizerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Loads a Hugging Face BitNet checkpoint directory ({@code config.json}, {@code tokenizer.json}, one
 * {@code model.safetensors} or shards with an index) with the tensor names of microsoft/bitnet-b1.58-2B-4T
 * (see {@link HfBitNetSchema}).
 *
 * <p>BitLinear weights are the packed U8 layout with a {@code weight_scale} read per the config's
 * {@code quantization_config.linear_class} ({@code autobitlinear}: the scale is gamma; {@code bitlinear}: its
 * inverse), or F32/F16/BF16 tensors holding ternary values times one scale. Sub-norms exist when
 * {@code model.layers.0.self_attn.attn_sub_norm.weight} does. Shapes are checked against the config before
 * decoding; problems are {@link ModelFormatException}s naming the file and the tensor or key.
 */
public final class BitNetSafetensorsLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final SafetensorsCheckpoint checkpoint;
    private final String file;

    private BitNetSafetensorsLoader(Path directory, SafetensorsCheckpoint checkpoint) {
        this.directory = directory;
        this.checkpoint = checkpoint;
        this.file = checkpoint.name();
    }

    /** Loads the checkpoint in {@code directory}. */
    public static BitNetModel load(Path directory) throws IOException {
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(directory)) {
            return new BitNetSafetensorsLoader(directory, checkpoint).model();
        }
    }

    private BitNetModel model() throws IOException {
        JsonNode json = configJson();
        BitNetConfig config;
        ScaleConvention convention;
        try {
            config = HfBitNetSchema.parseConfig(json, checkpoint.hasTensor(HfBitNetSchema.norm(0, LayerNorm.ATTN_SUB)));
            convention = HfBitNetSchema.scaleConvention(json);
        } catch (IllegalArgumentException e) {
            throw ModelFormatException.of(HfBitNetSchema.CONFIG_FILE, null, e.getMessage(),
                    ModelFormatException.NO_OFFSET);
        }
        BitNetWeights weights = weights(config, convention);
        return new BitNetModel(weights, tokenizer(json, config), directory.getFileName() + " (safetensors, "
                + convention.name().toLowerCase(Locale.ROOT) + " weight_scale)");
    }

    private JsonNode configJson() throws IOException {
        Path path = directory.resolve(HfBitNetSchema.CONFIG_FILE);
        if (!Files.isRegularFile(path)) {
            throw ModelFormatException.of(String.valueOf(directory.getFileName()), null, "has no "
                    + HfBitNetSchema.CONFIG_FILE, ModelFormatException.NO_OFFSET);
        }
        try {
            return JSON.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw ModelFormatException.of(HfBitNetSchema.CONFIG_FILE, null, "not valid JSON: "
                    + ModelFormatException.oneLine(e.getOriginalMessage()), ModelFormatException.NO_OFFSET);
        }
    }

    private BitNetWeights weights(BitNetConfig c, ScaleConvention convention) {
        DenseMatrix embedding = matrix(HfBitNetSchema.EMBEDDING, c.vocab(), c.hidden());
        List<LayerWeights> layers = new ArrayList<>();
        for (int layer = 0; layer < c.layers(); layer++) {
            int l = layer;
            layers.add(LayerWeights.assemble(p -> BitLinear.of(projection(l, p, c, convention)),
                    n -> n.presentIn(c) ? vector(HfBitNetSchema.norm(l, n), n.size(c)) : null));
        }
        float[] outputNorm = vector(HfBitNetSchema.OUTPUT_NORM, c.hidden());
        DenseMatrix lmHead = c.tiedEmbeddings() ? embedding : matrix(HfBitNetSchema.LM_HEAD, c.vocab(), c.hidden());
        return new BitNetWeights(c, embedding, layers, outputNorm, lmHead);
    }

    private TernaryWeight projection(int layer, Projection p, BitNetConfig c, ScaleConvention convention) {
        String name = HfBitNetSchema.projectionWeight(layer, p);
        int rows = p.outFeatures(c);
        int cols = p.inFeatures(c);
        if (checkpoint.tensor(name).dtype() == SafetensorsDtype.U8) {
            requireShape(name, rows / 4, cols);
            if (rows % 4 != 0) {
                throw error(name, "the packed layout needs a multiple of 4 rows, the config gives " + rows);
            }
            String scale = HfBitNetSchema.projectionScale(layer, p);
            requireShape(scale, 1);
            return checkpoint.packedTernary(name, scale, convention);
        }
        requireShape(name, rows, cols);
        return TernaryRecovery.recover(checkpoint.dense(name), checkpoint.location(name));
    }

    private DenseMatrix matrix(String name, int rows, int cols) {
        requireShape(name, rows, cols);
        return checkpoint.dense(name);
    }

    private float[] vector(String name, int size) {
        requireShape(name, size);
        float[] values = new float[size];
        checkpoint.dense(name).copyRow(0, values);
        return values;
    }

    private void requireShape(String name, long... expected) {
        long[] actual = checkpoint.tensor(name).shape();
        if (!Arrays.equals(expected, actual)) {
            throw error(name, "expected shape " + Arrays.toString(expected) + " from config.json, found "
                    + Arrays.toString(actual));
        }
    }

    private BpeTokenizer tokenizer(JsonNode json, BitNetConfig config) {
        Path path = directory.resolve(HfBitNetSchema.TOKENIZER_FILE);
        if (!Files.isRegularFile(path)) {
            throw ModelFormatException.of(String.valueOf(directory.getFileName()), null, "has no "
                    + HfBitNetSchema.TOKENIZER_FILE, ModelFormatException.NO_OFFSET);
        }
        try {
            TokenizerSpec spec = HuggingFaceTokenizerJson.read(path);
            int bos = json.has("bos_token_id") ? json.get("bos_token_id").asInt() : spec.bosId();
            int eos = json.has("eos_token_id") ? json.get("eos_token_id").asInt() : spec.eosId();
            spec = spec.withSpecialIds(bos, eos);
            if (spec.size() > config.vocab()) {
                throw ModelFormatException.of(HfBitNetSchema.TOKENIZER_FILE, null, spec.size()
                        + " tokens but the model has only " + config.vocab() + " embedding rows",
                        ModelFormatException.NO_OFFSET);
            }
            return new BpeTokenizer(spec);
        } catch (TokenizerException e) {
            throw new ModelFormatException(e.getMessage()); // it names the tokenizer file already
        }
    }

    private ModelFormatException error(String tensor, String problem) {
        return ModelFormatException.of(file, "tensor '" + tensor + "'", problem, ModelFormatException.NO_OFFSET);
    }
}
