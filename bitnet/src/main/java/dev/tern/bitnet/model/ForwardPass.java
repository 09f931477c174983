package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.DenseMatrix;
import java.util.Arrays;

/**
 * The BitNet b1.58 forward pass over a {@link TernaryMatmul}:
 * <pre>
 * x = embedding(tokens)
 * per layer:  h = rmsnorm(x);  q, k, v = BitLinear(h);  RoPE(q, k);  a = causal GQA softmax attention
 *             x += o(subnorm(a))
 *             h = rmsnorm(x);  x += down(subnorm(act(gate(h)) * up(h)))
 * logits = lm_head(rmsnorm(x))
 * </pre>
 * A call handles a batch of consecutive positions (a whole prompt, or one decoded token); each
 * projection is one matmul call for the whole batch. Activations are floats; normalisation, softmax,
 * RoPE and the BitLinear scalings are computed in double and rounded once per value.
 */
public final class ForwardPass {
    /** Which positions of a call need logits. */
    public enum Logits {
        /** Only the last position (generation). */
        LAST,
        /** Every position of the call (scoring a prompt, tests). */
        ALL
    }

    private static final int LOGIT_ROWS_PER_PIECE = 512;
    private static final int ATTENTION_WORK_PER_PIECE = 1 << 15;

    private final BitNetConfig config;
    private final BitNetWeights weights;
    private final TernaryMatmul matmul;
    private final WorkerPool pool;
    private final BitLinearObserver observer;
    private final RotaryEmbedding rope;

    public ForwardPass(BitNetWeights weights, TernaryMatmul matmul, WorkerPool pool, BitLinearObserver observer) {
        this.config = weights.config();
        this.weights = weights;
        this.matmul = matmul;
        this.pool = pool;
        this.observer = observer;
        this.rope = new RotaryEmbedding(config);
    }

    public BitNetConfig config() {
        return config;
    }

    /** A KV cache for this model, for up to {@code capacity} positions. */
    public KvCache newCache(int capacity) {
        return new KvCache(config, capacity);
    }

    /**
     * Runs {@code tokens} at the next positions of {@code cache}, appends their keys and values to it, and
     * returns logits: one row of {@code vocab} values per position asked for.
     */
    public float[][] forward(KvCache cache, int[] tokens, Logits which) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("forward pass of no tokens");
        }
        for (int token : tokens) {
            if (token < 0 || token >= config.vocab()) {
                throw new BitNetException("token id " + token + " is outside the vocabulary of " + config.vocab());
            }
        }
        cache.requireRoom(tokens.length);
        int start = cache.length();
        int n = tokens.length;
        float[][] x = new float[n][config.hidden()];
        RotaryEmbedding.Angles[] angles = new RotaryEmbedding.Angles[n];
        for (int b = 0; b < n; b++) {
            weights.tokenEmbedding().copyRow(tokens[b], x[b]);
            angles[b] = rope.angles(start + b);
        }
        for (int layer = 0; layer < config.layers(); layer++) {
            attentionBlock(layer, x, cache, start, angles);
            feedForwardBlock(layer, x);
        }
        cache.advance(n);
        return logits(x, which == Logits.ALL ? 0 : n - 1);
    }

    private void attentionBlock(int layer, float[][] x, KvCache cache, int start, RotaryEmbedding.Angles[] angles) {
        LayerWeights w = weights.layers().get(layer);
        int n = x.length;
        QuantizedActivations h = QuantizedActivations.of(normalized(x, w.attnNorm()));
        float[][] q = project(layer, Projection.Q, w.q(), h);
        float[][] k = project(layer, Projection.K, w.k(), h);
        float[][] v = project(layer, Projection.V, w.v(), h);
        int kvDim = config.kvDim();
        for (int b = 0; b < n; b++) {
            rope.rotate(q[b], config.heads(), angles[b]);
            rope.rotate(k[b], config.kvHeads(), angles[b]);
            System.arraycopy(k[b], 0, cache.keys(layer), (start + b) * kvDim, kvDim);
            System.arraycopy(v[b], 0, cache.values(layer), (start + b) * kvDim, kvDim);
        }
        float[][] attended = attend(q, cache.keys(layer), cache.values(layer), start);
        if (config.subNorms()) {
            normalizeInPlace(attended, w.attnSubNorm());
        }
        addInto(x, project(layer, Projection.O, w.o(), QuantizedActivations.of(attended)));
    }

    private void feedForwardBlock(int layer, float[][] x) {
        LayerWeights w = weights.layers().get(layer);
        QuantizedActivations h = QuantizedActivations.of(normalized(x, w.ffnNorm()));
        float[][] gate = project(layer, Projection.GATE, w.gate(), h);
        float[][] up = project(layer, Projection.UP, w.up(), h);
        FfnActivation activation = config.activation();
        for (int b = 0; b < gate.length; b++) {
            for (int i = 0; i < gate[b].length; i++) {
                gate[b][i] = (float) (activation.apply(gate[b][i]) * up[b][i]);
            }
        }
        if (config.subNorms()) {
            normalizeInPlace(gate, w.ffnSubNorm());
        }
        addInto(x, project(layer, Projection.DOWN, w.down(), QuantizedActivations.of(gate)));
    }

    /** One BitLinear: the integer matmul, then {@code y = dot / s * gamma * outputScale}. */
    private float[][] project(int layer, Projection projection, BitLinear linear, QuantizedActivations input) {
        int n = input.tokens();
        int rows = linear.outFeatures();
        int[][] dots = new int[n][rows];
        matmul.multiply(linear.weight().matrix(), input.values(), dots);
        observer.onBitLinear(layer, projection, linear.inFeatures(), rows, n);
        float[][] y = new float[n][rows];
        for (int b = 0; b < n; b++) {
            double factor = linear.dequantizationFactor(input.scales()[b]);
            for (int r = 0; r < rows; r++) {
                y[b][r] = (float) (dots[b][r] * factor);
            }
        }
        return y;
    }

    /** Causal grouped-query attention of every query token over the cache up to and including its position. */
    private float[][] attend(float[][] q, float[] keys, float[] values, int start) {
        int n = q.length;
        int heads = config.heads();
        int headDim = config.headDim();
        int kvDim = config.kvDim();
        int group = config.queriesPerKvHead();
        double scale = 1.0 / Math.sqrt(headDim);
        float[][] out = new float[n][config.queryDim()];
        int grain = Math.max(1, ATTENTION_WORK_PER_PIECE / ((start + n) * headDim));
        pool.forRange(n * heads, grain, (from, to) -> {
            double[] scores = new double[start + n];
            double[] sum = new double[headDim];
            for (int item = from; item < to; item++) {
                int b = item / heads;
                int head = item % heads;
                int last = start + b;
                int qBase = head * headDim;
                int kvBase = (head / group) * headDim;
                double max = Double.NEGATIVE_INFINITY;
                for (int t = 0; t <= last; t++) {
                    int kBase = t * kvDim + kvBase;
                    double dot = 0;
                    for (int d = 0; d < headDim; d++) {
                        dot += (double) q[b][qBase + d] * keys[kBase + d];
                    }
                    scores[t] = dot * scale;
                    max = Math.max(max, scores[t]);
                }
                double total = 0;
                for (int t = 0; t <= last; t++) {
                    scores[t] = Math.exp(scores[t] - max);
                    total += scores[t];
                }
                Arrays.fill(sum, 0);
                for (int t = 0; t <= last; t++) {
                    double p = scores[t] / total;
                    int vBase = t * kvDim + kvBase;
                    for (int d = 0; d < headDim; d++) {
                        sum[d] += p * values[vBase + d];
                    }
                }
                for (int d = 0; d < headDim; d++) {
                    out[b][qBase + d] = (float) sum[d];
                }
            }
        });
        return out;
    }

    private float[][] logits(float[][] x, int first) {
        int count = x.length - first;
        float[][] normed = new float[count][];
        for (int i = 0; i < count; i++) {
            normed[i] = new float[config.hidden()];
            RmsNorm.apply(x[first + i], weights.outputNorm(), config.rmsEps(), normed[i]);
        }
        DenseMatrix head = weights.lmHead();
        float[][] logits = new float[count][config.vocab()];
        pool.forRange(config.vocab(), LOGIT_ROWS_PER_PIECE, (from, to) -> head.dotRows(from, to, normed, logits));
        return logits;
    }

    private float[][] normalized(float[][] x, float[] weight) {
        float[][] out = new float[x.length][x[0].length];
        for (int b = 0; b < x.length; b++) {
            RmsNorm.apply(x[b], weight, config.rmsEps(), out[b]);
        }
        return out;
    }

    private void normalizeInPlace(float[][] x, float[] weight) {
        for (float[] row : x) {
            RmsNorm.apply(row, weight, config.rmsEps(), row);
        }
    }

    private static void addInto(float[][] x, float[][] delta) {
        for (int b = 0; b < x.length; b++) {
            for (int i = 0; i < x[b].length; i++) {
                x[b][i] += delta[b][i];
            }
        }
    }
}
