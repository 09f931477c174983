package dev.tern.bitnet.synth;

import dev.tern.bitnet.codec.DenseCodec;
import dev.tern.bitnet.model.BitLinear;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.BitNetWeights;
import dev.tern.bitnet.model.LayerNorm;
import dev.tern.bitnet.model.LayerWeights;
import dev.tern.bitnet.model.ModelFileFormat;
import dev.tern.bitnet.model.ModelSource;
import dev.tern.bitnet.model.Projection;
import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.DenseMatrix;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;
import dev.tern.bitnet.tokenizer.BpeTokenizer;
import dev.tern.bitnet.tokenizer.TokenizerSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A BitNet b1.58 model made from a seed, one tensor at a time: any projection, norm or embedding row can be
 * generated alone and always comes out the same, so even the 2B-shaped model can be written tensor by
 * tensor without ever holding it whole.
 *
 * <p>Every stored value survives every file format unchanged, so that one model gives identical logits from
 * each: full-precision values have at most 8 significant bits and exponents inside fp16's normal range
 * (exact in F32, F16 and BF16), and each projection's scale is such a value too.
 *
 * <p>Weights are random trits with about 35% zeros, as absmean quantisation of Gaussian weights gives.
 * Scales keep activations in range: each projection's gamma is {@code 1 / sqrt(0.65 * in)}, so a unit-RMS
 * input gives a unit-RMS output; embeddings have a standard deviation of about 1/16 and the final norm
 * weight of about 3, which gives logits of a few units and a non-degenerate distribution.
 */
public final class SyntheticModel implements ModelSource {
    /** Of 256 equally likely byte values, those below this give a zero weight (90/256 = 35%). */
    private static final int ZERO_BELOW = 90;
    private static final double NONZERO_FRACTION = 1 - ZERO_BELOW / 256.0;
    private static final double EMBEDDING_STD = 1.0 / 16;
    private static final double UNREADABLE_EMBEDDING_FACTOR = 0.25;
    private static final double OUTPUT_NORM_MEAN = 3.0;
    private static final double NORM_SPREAD = 0.1;

    /** Tags that keep the random streams of different kinds of tensor apart. */
    private static final long EMBEDDING = 1;
    private static final long PROJECTION = 2;
    private static final long NORM = 3;
    private static final long OUTPUT_NORM = 4;
    private static final long LM_HEAD = 5;

    private final BitNetConfig config;
    private final long seed;
    private final TokenizerSpec tokenizer;
    /** Tokens that are text on their own; the others get small embeddings and so, tied, small logits. */
    private final boolean[] readable;

    private SyntheticModel(BitNetConfig config, long seed) {
        this.config = config;
        this.seed = seed;
        this.tokenizer = SyntheticTokenizer.create(config.vocab(), seed);
        this.readable = new boolean[config.vocab()];
        for (int id = 0; id < tokenizer.size(); id++) {
            readable[id] = SyntheticTokenizer.isReadable(tokenizer, id);
        }
    }

    public static SyntheticModel create(BitNetConfig config, long seed) {
        return new SyntheticModel(config, seed);
    }

    @Override
    public BitNetConfig config() {
        return config;
    }

    public long seed() {
        return seed;
    }

    @Override
    public TokenizerSpec tokenizer() {
        return tokenizer;
    }

    @Override
    public String name() {
        return "tern-synthetic-h" + config.hidden() + "-l" + config.layers() + "-s" + seed;
    }

    /** The weights of one projection of one layer. */
    @Override
    public BitLinear projection(int layer, Projection projection) {
        checkLayer(layer);
        int rows = projection.outFeatures(config);
        int cols = projection.inFeatures(config);
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, PROJECTION, layer, projection.ordinal()));
        byte[] codes = PackedTernaryMatrix.zeroCodes(rows, cols);
        long bits = 0;
        int available = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (available == 0) {
                    bits = random.nextLong();
                    available = 8;
                }
                int draw = (int) (bits & 0xFF);
                bits >>>= 8;
                available--;
                int code = draw < ZERO_BELOW ? 1 : (draw & 1) == 0 ? 0 : 2;
                PackedTernaryMatrix.putCode(codes, cols, r, c, code);
            }
        }
        float gamma = portable(1.0 / Math.sqrt(NONZERO_FRACTION * cols));
        return BitLinear.of(new TernaryWeight(PackedTernaryMatrix.fromCodes(rows, cols, codes), gamma));
    }

    /** Synthetic projections have no extra output scale. */
    @Override
    public float outputScale(int layer, Projection projection) {
        return 1f;
    }

    /** A norm of one layer, or {@code null} when the config has no such norm. */
    @Override
    public float[] norm(int layer, LayerNorm norm) {
        checkLayer(layer);
        if (!norm.presentIn(config)) {
            return null;
        }
        return normWeights(norm.size(config), 1.0, SplitMix64.derive(seed, NORM, layer, norm.ordinal()));
    }

    @Override
    public float[] outputNorm() {
        return normWeights(config.hidden(), OUTPUT_NORM_MEAN, SplitMix64.derive(seed, OUTPUT_NORM));
    }

    /** Row {@code token} of the token embedding (and, tied, of lm_head) into {@code dst}. */
    @Override
    public void embeddingRow(int token, float[] dst) {
        gaussianRow(EMBEDDING, token, dst);
    }

    /** Row {@code token} of lm_head: the embedding's when tied, an independent row of the same kind otherwise. */
    @Override
    public void lmHeadRow(int token, float[] dst) {
        gaussianRow(config.tiedEmbeddings() ? EMBEDDING : LM_HEAD, token, dst);
    }

    private void gaussianRow(long tag, int token, float[] dst) {
        if (token < 0 || token >= config.vocab()) {
            throw new IndexOutOfBoundsException("token " + token + " outside vocabulary of " + config.vocab());
        }
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, tag, token));
        double std = readable[token] ? EMBEDDING_STD : EMBEDDING_STD * UNREADABLE_EMBEDDING_FACTOR;
        for (int i = 0; i < config.hidden(); i++) {
            dst[i] = portable(random.nextGaussian() * std);
        }
    }

    private static float[] normWeights(int size, double mean, long streamSeed) {
        SplitMix64 random = new SplitMix64(streamSeed);
        float[] w = new float[size];
        for (int i = 0; i < size; i++) {
            w[i] = portable(mean * (1 + NORM_SPREAD * (2 * (random.nextLong() >>> 11) * 0x1.0p-53 - 1)));
        }
        return w;
    }

    /**
     * {@code value} rounded to 8 significant bits with its magnitude kept inside fp16's normal range
     * [2^-14, 2^15), so that F32, F16 and BF16 all store it exactly.
     */
    static float portable(double value) {
        double magnitude = Math.abs(value);
        if (magnitude < 0x1.0p-14) {
            return 0f;
        }
        magnitude = Math.min(magnitude, 0x1.FEp14);
        int exponent = Math.getExponent(magnitude);
        double rounded = Math.scalb(Math.rint(Math.scalb(magnitude, 7 - exponent)), exponent - 7);
        return (float) Math.copySign(rounded, value);
    }

    /**
     * The whole model in memory. The embedding (and an untied lm_head) is held as BF16, in which every value is
     * exact, in the matrix type the loaders return, so logits equal those of the model's files; the 2B shape
     * needs about 1.2 GB.
     */
    public BitNetWeights weights() {
        DenseMatrix tokenEmbedding = bf16Matrix(this::embeddingRow);
        List<LayerWeights> layers = new ArrayList<>();
        for (int layer = 0; layer < config.layers(); layer++) {
            int l = layer;
            layers.add(LayerWeights.assemble(p -> projection(l, p), n -> norm(l, n)));
        }
        DenseMatrix lmHead = config.tiedEmbeddings() ? tokenEmbedding : bf16Matrix(this::lmHeadRow);
        return new BitNetWeights(config, tokenEmbedding, layers, outputNorm(), lmHead);
    }

    private DenseMatrix bf16Matrix(DenseCodec.RowSource rows) {
        int hidden = config.hidden();
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(Math.multiplyExact(config.vocab(), hidden), 2))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] row = new float[hidden];
        for (int token = 0; token < config.vocab(); token++) {
            rows.row(token, row);
            for (int i = 0; i < hidden; i++) {
                DenseElementType.BF16.write(bytes, token * hidden + i, row[i]);
            }
        }
        return new BufferDenseMatrix(DenseElementType.BF16, bytes, config.vocab(), hidden);
    }

    /** Writes the model to {@code path} in {@code format}, one tensor at a time. */
    public void write(ModelFileFormat format, Path path) throws IOException {
        format.write(this, path);
    }

    /** The model with its tokenizer, ready to run. */
    public BitNetModel model() {
        return new BitNetModel(weights(), new BpeTokenizer(tokenizer), "synthetic " + describe());
    }

    /** A one-line description: shape and seed. */
    public String describe() {
        return config.layers() + " layers, hidden " + config.hidden() + ", vocab " + config.vocab() + ", seed " + seed;
    }

    private void checkLayer(int layer) {
        if (layer < 0 || layer >= config.layers()) {
            throw new IndexOutOfBoundsException("layer " + layer + " outside " + config.layers() + " layers");
        }
    }
}
