package dev.tern.bitnet.model;

/**
 * A test oracle: the BitNet b1.58 forward pass written as directly as possible from the definition, in
 * double, one position at a time, recomputing attention over the whole prefix without a KV cache and
 * reading trits one by one.
 */
final class NaiveBitNet {
    private NaiveBitNet() {
    }

    static double[][] logits(BitNetWeights w, int[] tokens) {
        BitNetConfig c = w.config();
        int n = tokens.length;
        double[][] x = new double[n][c.hidden()];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < c.hidden(); i++) {
                x[t][i] = w.tokenEmbedding().get(tokens[t], i);
            }
        }
        for (LayerWeights layer : w.layers()) {
            double[][] q = new double[n][];
            double[][] k = new double[n][];
            double[][] v = new double[n][];
            for (int t = 0; t < n; t++) {
                double[] h = rmsNorm(x[t], layer.attnNorm(), c.rmsEps());
                q[t] = rope(bitLinear(layer.q(), h), c, t);
                k[t] = rope(bitLinear(layer.k(), h), c, t);
                v[t] = bitLinear(layer.v(), h);
            }
            for (int t = 0; t < n; t++) {
                double[] a = attention(q, k, v, t, c);
                if (c.subNorms()) {
                    a = rmsNorm(a, layer.attnSubNorm(), c.rmsEps());
                }
                add(x[t], bitLinear(layer.o(), a));
            }
            for (int t = 0; t < n; t++) {
                double[] h = rmsNorm(x[t], layer.ffnNorm(), c.rmsEps());
                double[] g = bitLinear(layer.gate(), h);
                double[] u = bitLinear(layer.up(), h);
                for (int i = 0; i < g.length; i++) {
                    double gate = c.activation() == FfnActivation.RELU2 ? Math.pow(Math.max(0, g[i]), 2)
                            : g[i] / (1 + Math.exp(-g[i]));
                    g[i] = gate * u[i];
                }
                if (c.subNorms()) {
                    g = rmsNorm(g, layer.ffnSubNorm(), c.rmsEps());
                }
                add(x[t], bitLinear(layer.down(), g));
            }
        }
        double[][] logits = new double[n][c.vocab()];
        for (int t = 0; t < n; t++) {
            double[] h = rmsNorm(x[t], w.outputNorm(), c.rmsEps());
            for (int r = 0; r < c.vocab(); r++) {
                for (int i = 0; i < c.hidden(); i++) {
                    logits[t][r] += w.lmHead().get(r, i) * h[i];
                }
            }
        }
        return logits;
    }

    static double[] bitLinear(BitLinear b, double[] x) {
        double absMax = 0;
        for (double v : x) {
            absMax = Math.max(absMax, Math.abs(v));
        }
        double s = 127 / Math.max(absMax, 1e-5);
        int[] xq = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            xq[i] = (int) Math.max(-128, Math.min(127, Math.rint(x[i] * s)));
        }
        double[] y = new double[b.outFeatures()];
        for (int r = 0; r < y.length; r++) {
            long dot = 0;
            for (int i = 0; i < x.length; i++) {
                dot += (long) b.weight().matrix().trit(r, i) * xq[i];
            }
            y[r] = dot / s * b.weight().scale() * b.outputScale();
        }
        return y;
    }

    private static double[] rmsNorm(double[] x, float[] w, float eps) {
        double ss = 0;
        for (double v : x) {
            ss += v * v;
        }
        double inv = 1 / Math.sqrt(ss / x.length + eps);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * inv * w[i];
        }
        return y;
    }

    private static double[] rope(double[] x, BitNetConfig c, int position) {
        int d = c.headDim();
        double[] y = x.clone();
        for (int head = 0; head < x.length / d; head++) {
            for (int i = 0; i < d / 2; i++) {
                int a = head * d + (c.ropeStyle() == RopeStyle.NEOX ? i : 2 * i);
                int b = head * d + (c.ropeStyle() == RopeStyle.NEOX ? i + d / 2 : 2 * i + 1);
                double angle = position / Math.pow(c.ropeTheta(), 2.0 * i / d);
                y[a] = x[a] * Math.cos(angle) - x[b] * Math.sin(angle);
                y[b] = x[a] * Math.sin(angle) + x[b] * Math.cos(angle);
            }
        }
        return y;
    }

    private static double[] attention(double[][] q, double[][] k, double[][] v, int t, BitNetConfig c) {
        int d = c.headDim();
        double[] out = new double[c.queryDim()];
        for (int head = 0; head < c.heads(); head++) {
            int kvHead = head / (c.heads() / c.kvHeads());
            double[] p = new double[t + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s <= t; s++) {
                for (int i = 0; i < d; i++) {
                    p[s] += q[t][head * d + i] * k[s][kvHead * d + i];
                }
                p[s] /= Math.sqrt(d);
                max = Math.max(max, p[s]);
            }
            double total = 0;
            for (int s = 0; s <= t; s++) {
                p[s] = Math.exp(p[s] - max);
                total += p[s];
            }
            for (int s = 0; s <= t; s++) {
                for (int i = 0; i < d; i++) {
                    out[head * d + i] += p[s] / total * v[s][kvHead * d + i];
                }
            }
        }
        return out;
    }

    private static void add(double[] x, double[] delta) {
        for (int i = 0; i < x.length; i++) {
            x[i] += delta[i];
        }
    }
}
