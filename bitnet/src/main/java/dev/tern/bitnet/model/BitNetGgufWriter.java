package dev.tern.bitnet.model;

import dev.tern.bitnet.codec.DenseCodec;
import dev.tern.bitnet.codec.TensorDataWriter;
import dev.tern.bitnet.codec.TernaryCodec;
import dev.tern.bitnet.gguf.GgmlType;
import dev.tern.bitnet.gguf.GgufValue;
import dev.tern.bitnet.gguf.GgufWriter;
import dev.tern.bitnet.model.GgufBitNetSchema.Architecture;
import dev.tern.bitnet.model.GgufBitNetSchema.Key;
import dev.tern.bitnet.model.GgufBitNetSchema.Tokenizer;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.TernaryWeight;
import dev.tern.bitnet.tokenizer.Merge;
import dev.tern.bitnet.tokenizer.TokenType;
import dev.tern.bitnet.tokenizer.TokenizerSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a model as a GGUF file that llama.cpp's BitNet architectures and {@link BitNetGgufLoader} read, one
 * tensor at a time. BitLinear weights take the given ternary type (TQ1_0, TQ2_0 or I2_S); a weight whose rows
 * are not a whole number of the type's blocks (hidden 128 with TQ2_0's 256) is stored as F16 ternary values
 * times its scale instead, which loads back exactly (llama.cpp's quantizer falls back too, to a lossy type).
 * The token embedding (and an untied lm_head) is F16, norms and output scales F32, as llama.cpp's converters
 * write them. Values must be exact in those types; nothing is rounded.
 */
public final class BitNetGgufWriter {
    private BitNetGgufWriter() {
    }

    public static void write(ModelSource model, GgmlType ternaryType, Path path) throws IOException {
        TernaryCodec codec = ternaryType.ternaryCodec().orElseThrow(() ->
                new IllegalArgumentException(ternaryType + " is not a ternary GGUF type (TQ1_0, TQ2_0, I2_S)"));
        BitNetConfig c = model.config();
        if (c.ropeStyle() != RopeStyle.NEOX) {
            throw new IllegalArgumentException("llama.cpp's BitNet architectures rotate NEOX-style;"
                    + " a model with " + c.ropeStyle() + " RoPE cannot be written as GGUF");
        }
        GgufWriter out = new GgufWriter();
        putHyperParameters(out, model);
        putTokenizer(out, model.tokenizer());
        out.addTensor(GgufBitNetSchema.TOKEN_EMBEDDING, GgmlType.F16, new long[] {c.hidden(), c.vocab()},
                DenseCodec.exactRows(GgufBitNetSchema.TOKEN_EMBEDDING, DenseElementType.F16, c.vocab(), c.hidden(),
                        model::embeddingRow));
        vector(out, GgufBitNetSchema.OUTPUT_NORM, model.outputNorm());
        for (int layer = 0; layer < c.layers(); layer++) {
            int l = layer;
            norm(out, model, l, LayerNorm.ATTN);
            projection(out, model, l, Projection.Q, ternaryType, codec);
            projection(out, model, l, Projection.K, ternaryType, codec);
            projection(out, model, l, Projection.V, ternaryType, codec);
            norm(out, model, l, LayerNorm.ATTN_SUB);
            projection(out, model, l, Projection.O, ternaryType, codec);
            norm(out, model, l, LayerNorm.FFN);
            projection(out, model, l, Projection.GATE, ternaryType, codec);
            projection(out, model, l, Projection.UP, ternaryType, codec);
            norm(out, model, l, LayerNorm.FFN_SUB);
            projection(out, model, l, Projection.DOWN, ternaryType, codec);
        }
        if (!c.tiedEmbeddings()) {
            out.addTensor(GgufBitNetSchema.OUTPUT, GgmlType.F16, new long[] {c.hidden(), c.vocab()},
                    DenseCodec.exactRows(GgufBitNetSchema.OUTPUT, DenseElementType.F16, c.vocab(), c.hidden(),
                            model::lmHeadRow));
        }
        out.write(path);
    }

    private static void putHyperParameters(GgufWriter out, ModelSource model) {
        BitNetConfig c = model.config();
        Architecture arch = Architecture.forActivation(c.activation());
        out.put(GgufBitNetSchema.ARCHITECTURE_KEY, GgufValue.string(arch.ggufName()));
        out.put(GgufBitNetSchema.NAME_KEY, GgufValue.string(model.name()));
        out.put(Key.CONTEXT_LENGTH.of(arch), GgufValue.uint32(c.context()));
        out.put(Key.EMBEDDING_LENGTH.of(arch), GgufValue.uint32(c.hidden()));
        out.put(Key.BLOCK_COUNT.of(arch), GgufValue.uint32(c.layers()));
        out.put(Key.FEED_FORWARD_LENGTH.of(arch), GgufValue.uint32(c.intermediate()));
        out.put(Key.HEAD_COUNT.of(arch), GgufValue.uint32(c.heads()));
        out.put(Key.HEAD_COUNT_KV.of(arch), GgufValue.uint32(c.kvHeads()));
        if (c.headDim() * c.heads() != c.hidden()) {
            out.put(Key.KEY_LENGTH.of(arch), GgufValue.uint32(c.headDim()));
            out.put(Key.VALUE_LENGTH.of(arch), GgufValue.uint32(c.headDim()));
        }
        out.put(Key.ROPE_DIMENSION_COUNT.of(arch), GgufValue.uint32(c.headDim()));
        out.put(Key.ROPE_FREQ_BASE.of(arch), GgufValue.float32(c.ropeTheta()));
        out.put(Key.RMS_EPSILON.of(arch), GgufValue.float32(c.rmsEps()));
        out.put(Key.VOCAB_SIZE.of(arch), GgufValue.uint32(c.vocab()));
    }

    private static void putTokenizer(GgufWriter out, TokenizerSpec spec) {
        out.put(Tokenizer.MODEL, GgufValue.string(Tokenizer.BYTE_LEVEL_BPE));
        out.put(Tokenizer.PRE, GgufValue.string(spec.preTokenizer().ggufName()));
        out.put(Tokenizer.TOKENS, GgufValue.stringArray(spec.tokens()));
        out.put(Tokenizer.TOKEN_TYPE, GgufValue.int32Array(spec.types().stream().mapToInt(TokenType::ggufCode).toArray()));
        List<String> merges = spec.merges().stream().map(Merge::text).toList();
        out.put(Tokenizer.MERGES, GgufValue.stringArray(merges));
        if (spec.bosId() >= 0) {
            out.put(Tokenizer.BOS_ID, GgufValue.uint32(spec.bosId()));
        }
        if (spec.eosId() >= 0) {
            out.put(Tokenizer.EOS_ID, GgufValue.uint32(spec.eosId()));
        }
        out.put(Tokenizer.ADD_BOS, GgufValue.bool(spec.addBos()));
    }

    private static void projection(GgufWriter out, ModelSource model, int layer, Projection p, GgmlType type,
            TernaryCodec codec) {
        BitNetConfig c = model.config();
        String name = GgufBitNetSchema.projectionWeight(layer, p);
        int rows = p.outFeatures(c);
        int cols = p.inFeatures(c);
        long[] dimensions = {cols, rows};
        if (cols % codec.columnMultiple() == 0) {
            out.addTensor(name, type, dimensions, bytes -> TensorDataWriter.writeFully(bytes,
                    codec.encode(model.projection(layer, p).weight())));
        } else {
            out.addTensor(name, GgmlType.F16, dimensions, bytes -> {
                TernaryWeight w = model.projection(layer, p).weight();
                DenseCodec.exactRows(name, DenseElementType.F16, rows, cols, (r, dst) -> {
                    for (int col = 0; col < cols; col++) {
                        dst[col] = w.matrix().trit(r, col) * w.scale();
                    }
                }).writeTo(bytes);
            });
        }
        float scale = model.outputScale(layer, p);
        if (scale != 1f) {
            vector(out, GgufBitNetSchema.projectionScale(layer, p), new float[] {scale});
        }
    }

    private static void norm(GgufWriter out, ModelSource model, int layer, LayerNorm n) {
        if (n.presentIn(model.config())) {
            vector(out, GgufBitNetSchema.norm(layer, n), model.norm(layer, n));
        }
    }

    private static void vector(GgufWriter out, String name, float[] values) {
        out.addTensor(name, GgmlType.F32, new long[] {values.length},
                DenseCodec.exactVector(name, DenseElementType.F32, values));
    }
}
