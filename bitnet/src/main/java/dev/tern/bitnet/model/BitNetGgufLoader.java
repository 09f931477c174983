package dev.tern.bitnet.model;

import dev.tern.bitnet.codec.ModelFormatException;
import dev.tern.bitnet.gguf.GgufFile;
import dev.tern.bitnet.gguf.GgufMetadata;
import dev.tern.bitnet.gguf.GgufReader;
import dev.tern.bitnet.gguf.GgufTensorInfo;
import dev.tern.bitnet.model.GgufBitNetSchema.Architecture;
import dev.tern.bitnet.model.GgufBitNetSchema.Key;
import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;
import dev.tern.bitnet.tokenizer.BpeTokenizer;
import dev.tern.bitnet.tokenizer.Merge;
import dev.tern.bitnet.tokenizer.PreTokenizer;
import dev.tern.bitnet.tokenizer.TokenType;
import dev.tern.bitnet.tokenizer.TokenizerException;
import dev.tern.bitnet.tokenizer.TokenizerSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a BitNet b1.58 model from a GGUF file of llama.cpp's {@code bitnet}, {@code bitnet-b1.58} or
 * {@code bitnet-25} architecture (see {@link GgufBitNetSchema}), with its byte-level BPE tokenizer.
 *
 * <p>What the file decides: sub-norms exist when {@code blk.0.attn_sub_norm.weight} does; lm_head is
 * tied unless {@code output.weight} exists; {@code blk.N.<proj>.scale} tensors, when present, multiply
 * their projection's output. RoPE is NEOX-style for all three architectures (their converters keep the
 * Hugging Face projection rows unpermuted). Ternary weights may be TQ1_0, TQ2_0, I2_S, or F32/F16/BF16
 * holding ternary values times one scale. Every tensor's shape is checked against the hyper-parameters
 * before it is decoded; problems are {@link ModelFormatException}s naming the file and the tensor or key.
 */
public final class BitNetGgufLoader {
    private static final float DEFAULT_ROPE_THETA = 10_000f;

    private final GgufFile gguf;
    private final String file;

    private BitNetGgufLoader(GgufFile gguf) {
        this.gguf = gguf;
        this.file = gguf.fileName();
    }

    public static BitNetModel load(Path path) throws IOException {
        try (GgufFile gguf = GgufReader.open(path)) {
            return load(gguf);
        }
    }

    /** Loads from an open file; dense tensors stay mapped from it, so they outlive {@link GgufFile#close}. */
    public static BitNetModel load(GgufFile gguf) {
        return new BitNetGgufLoader(gguf).model();
    }

    private BitNetModel model() {
        Architecture architecture = architecture();
        BitNetConfig config = config(architecture);
        BitNetWeights weights = weights(config);
        BpeTokenizer tokenizer = tokenizer(config);
        return new BitNetModel(weights, tokenizer, file + " (GGUF " + architecture.ggufName() + ", "
                + gguf.tensor(GgufBitNetSchema.projectionWeight(0, Projection.Q)).type() + ")");
    }

    private Architecture architecture() {
        String name = gguf.metadata().getString(GgufBitNetSchema.ARCHITECTURE_KEY);
        Architecture architecture = Architecture.fromGgufName(name);
        if (architecture == null) {
            throw error("metadata key '" + GgufBitNetSchema.ARCHITECTURE_KEY + "'", "'" + name
                    + "' is not a BitNet architecture (" + Architecture.names() + ")");
        }
        return architecture;
    }

    private BitNetConfig config(Architecture arch) {
        GgufMetadata meta = gguf.metadata();
        int hidden = meta.getInt(Key.EMBEDDING_LENGTH.of(arch));
        int heads = meta.getInt(Key.HEAD_COUNT.of(arch));
        int kvHeads = meta.has(Key.HEAD_COUNT_KV.of(arch)) ? meta.getInt(Key.HEAD_COUNT_KV.of(arch)) : heads;
        int headDim;
        if (meta.has(Key.KEY_LENGTH.of(arch))) {
            headDim = meta.getInt(Key.KEY_LENGTH.of(arch));
        } else if (heads > 0 && hidden % heads == 0) {
            headDim = hidden / heads;
        } else {
            throw error("metadata key '" + Key.HEAD_COUNT.of(arch) + "'", "embedding length " + hidden
                    + " is not a multiple of " + heads + " heads and " + Key.KEY_LENGTH.of(arch) + " is missing");
        }
        requireEqual(Key.VALUE_LENGTH.of(arch), headDim, "the key length");
        requireEqual(Key.ROPE_DIMENSION_COUNT.of(arch), headDim,
                "the head size (partial rotary embeddings are not supported)");
        GgufTensorInfo embedding = gguf.tensor(GgufBitNetSchema.TOKEN_EMBEDDING);
        if (embedding.dimensionCount() != 2 || embedding.dimension(1) > Integer.MAX_VALUE) {
            throw error("tensor '" + GgufBitNetSchema.TOKEN_EMBEDDING + "'", "expected dimensions [" + hidden
                    + ", vocab], found " + Arrays.toString(embedding.dimensions()));
        }
        int vocab = (int) embedding.dimension(1);
        requireEqual(Key.VOCAB_SIZE.of(arch), vocab, "the rows of " + GgufBitNetSchema.TOKEN_EMBEDDING);
        float ropeTheta = meta.has(Key.ROPE_FREQ_BASE.of(arch)) ? meta.getFloat(Key.ROPE_FREQ_BASE.of(arch))
                : DEFAULT_ROPE_THETA;
        boolean subNorms = gguf.hasTensor(GgufBitNetSchema.norm(0, LayerNorm.ATTN_SUB));
        boolean tied = !gguf.hasTensor(GgufBitNetSchema.OUTPUT);
        try {
            return new BitNetConfig(hidden, meta.getInt(Key.FEED_FORWARD_LENGTH.of(arch)),
                    meta.getInt(Key.BLOCK_COUNT.of(arch)), heads, kvHeads, headDim, vocab,
                    meta.getInt(Key.CONTEXT_LENGTH.of(arch)), ropeTheta, meta.getFloat(Key.RMS_EPSILON.of(arch)),
                    arch.activation(), subNorms, tied, RopeStyle.NEOX);
        } catch (IllegalArgumentException e) {
            throw error("hyper-parameters", e.getMessage());
        }
    }

    private void requireEqual(String key, int expected, String what) {
        if (gguf.metadata().has(key) && gguf.metadata().getInt(key) != expected) {
            throw error("metadata key '" + key + "'", "is " + gguf.metadata().getInt(key) + " but " + what
                    + " is " + expected);
        }
    }

    private BitNetWeights weights(BitNetConfig c) {
        DenseMatrix embedding = matrix(GgufBitNetSchema.TOKEN_EMBEDDING, c.hidden(), c.vocab());
        List<LayerWeights> layers = new ArrayList<>();
        for (int layer = 0; layer < c.layers(); layer++) {
            int l = layer;
            layers.add(LayerWeights.assemble(p -> projection(l, p, c),
                    n -> n.presentIn(c) ? vector(GgufBitNetSchema.norm(l, n), n.size(c)) : null));
        }
        float[] outputNorm = vector(GgufBitNetSchema.OUTPUT_NORM, c.hidden());
        DenseMatrix lmHead = c.tiedEmbeddings() ? embedding : matrix(GgufBitNetSchema.OUTPUT, c.hidden(), c.vocab());
        return new BitNetWeights(c, embedding, layers, outputNorm, lmHead);
    }

    private BitLinear projection(int layer, Projection p, BitNetConfig c) {
        String name = GgufBitNetSchema.projectionWeight(layer, p);
        requireDimensions(name, p.inFeatures(c), p.outFeatures(c));
        TernaryWeight weight = gguf.ternary(name);
        String scaleName = GgufBitNetSchema.projectionScale(layer, p);
        if (!gguf.hasTensor(scaleName)) {
            return BitLinear.of(weight);
        }
        requireDimensions(scaleName, 1);
        float scale = gguf.dense(scaleName).get(0, 0);
        if (!Float.isFinite(scale)) {
            throw error("tensor '" + scaleName + "'", "output scale " + scale + " is not finite");
        }
        return new BitLinear(weight, scale);
    }

    private BufferDenseMatrix matrix(String name, long cols, long rows) {
        requireDimensions(name, cols, rows);
        return gguf.dense(name);
    }

    private float[] vector(String name, int size) {
        requireDimensions(name, size);
        float[] values = new float[size];
        gguf.dense(name).copyRow(0, values);
        return values;
    }

    /** Checks a tensor's GGUF dimensions (innermost first) before it is decoded. */
    private void requireDimensions(String name, long... expected) {
        long[] actual = gguf.tensor(name).dimensions();
        if (!Arrays.equals(expected, actual)) {
            throw error("tensor '" + name + "'", "expected dimensions " + Arrays.toString(expected)
                    + " (innermost first) from the hyper-parameters, found " + Arrays.toString(actual));
        }
    }

    private BpeTokenizer tokenizer(BitNetConfig config) {
        GgufMetadata meta = gguf.metadata();
        String model = meta.getString(GgufBitNetSchema.Tokenizer.MODEL);
        if (!GgufBitNetSchema.Tokenizer.BYTE_LEVEL_BPE.equals(model)) {
            throw error("metadata key '" + GgufBitNetSchema.Tokenizer.MODEL + "'", "'" + model
                    + "' tokenizers are not supported, only byte-level BPE ('gpt2')");
        }
        try {
            PreTokenizer pre = PreTokenizer.fromGgufName(meta.getString(GgufBitNetSchema.Tokenizer.PRE));
            List<String> tokens = meta.getStringArray(GgufBitNetSchema.Tokenizer.TOKENS);
            if (tokens.size() > config.vocab()) {
                throw error("metadata key '" + GgufBitNetSchema.Tokenizer.TOKENS + "'", tokens.size()
                        + " tokens but " + GgufBitNetSchema.TOKEN_EMBEDDING + " has only " + config.vocab() + " rows");
            }
            List<TokenType> types = new ArrayList<>();
            if (meta.has(GgufBitNetSchema.Tokenizer.TOKEN_TYPE)) {
                int[] codes = meta.getIntArray(GgufBitNetSchema.Tokenizer.TOKEN_TYPE);
                if (codes.length != tokens.size()) {
                    throw error("metadata key '" + GgufBitNetSchema.Tokenizer.TOKEN_TYPE + "'", codes.length
                            + " types for " + tokens.size() + " tokens");
                }
                for (int code : codes) {
                    types.add(TokenType.fromGgufCode(code));
                }
            } else {
                tokens.forEach(t -> types.add(TokenType.NORMAL));
            }
            List<Merge> merges = new ArrayList<>();
            if (meta.has(GgufBitNetSchema.Tokenizer.MERGES)) {
                for (String merge : meta.getStringArray(GgufBitNetSchema.Tokenizer.MERGES)) {
                    merges.add(Merge.parse(merge));
                }
            }
            int bos = meta.has(GgufBitNetSchema.Tokenizer.BOS_ID) ? meta.getInt(GgufBitNetSchema.Tokenizer.BOS_ID) : -1;
            int eos = meta.has(GgufBitNetSchema.Tokenizer.EOS_ID) ? meta.getInt(GgufBitNetSchema.Tokenizer.EOS_ID) : -1;
            // llama.cpp adds BOS for LLaMA-3 vocabularies unless the file says otherwise.
            boolean addBos = meta.has(GgufBitNetSchema.Tokenizer.ADD_BOS)
                    ? meta.getBoolean(GgufBitNetSchema.Tokenizer.ADD_BOS) : pre == PreTokenizer.LLAMA3 && bos >= 0;
            // llama.cpp takes a LLaMA-3 pre-token that is itself a token directly ("ignore_merges").
            return new BpeTokenizer(new TokenizerSpec(tokens, types, merges, pre, bos, eos, addBos,
                    pre == PreTokenizer.LLAMA3));
        } catch (TokenizerException e) {
            throw error("tokenizer", e.getMessage());
        }
    }

    private ModelFormatException error(String subject, String problem) {
        return ModelFormatException.of(file, subject, problem, ModelFormatException.NO_OFFSET);
    }
}
