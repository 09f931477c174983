package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.DenseMatrix;
import java.util.List;

/**
 * All weights of a BitNet b1.58 model, checked against its config. With tied embeddings
 * {@code lmHead} is the same object as {@code tokenEmbedding}.
 *
 * <p>Loaders check shapes first with the tensor names of their file; the checks here guard the
 * invariant for every other way of building weights (synthetic models, tests).
 */
public record BitNetWeights(
        BitNetConfig config,
        DenseMatrix tokenEmbedding,
        List<LayerWeights> layers,
        float[] outputNorm,
        DenseMatrix lmHead) {

    public BitNetWeights {
        layers = List.copyOf(layers);
        checkMatrix("token embedding", tokenEmbedding, config.vocab(), config.hidden());
        checkMatrix("lm_head", lmHead, config.vocab(), config.hidden());
        if (config.tiedEmbeddings() && lmHead != tokenEmbedding) {
            throw new IllegalArgumentException("tied embeddings need lm_head to be the token embedding");
        }
        checkVector("output norm", outputNorm, config.hidden());
        if (layers.size() != config.layers()) {
            throw new IllegalArgumentException("expected " + config.layers() + " layers, got " + layers.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            LayerWeights layer = layers.get(i);
            for (Projection p : Projection.values()) {
                BitLinear b = layer.projection(p);
                String what = "layer " + i + " " + p;
                if (b == null) {
                    throw new IllegalArgumentException(what + " projection is missing");
                }
                if (b.outFeatures() != p.outFeatures(config) || b.inFeatures() != p.inFeatures(config)) {
                    throw new IllegalArgumentException(what + " projection: expected " + p.outFeatures(config) + " x "
                            + p.inFeatures(config) + ", got " + b.outFeatures() + " x " + b.inFeatures());
                }
            }
            for (LayerNorm n : LayerNorm.values()) {
                float[] w = layer.norm(n);
                String what = "layer " + i + " " + n + " norm";
                if (n.presentIn(config)) {
                    checkVector(what, w, n.size(config));
                } else if (w != null) {
                    throw new IllegalArgumentException(what + " given but the config has no sub-norms");
                }
            }
        }
    }

    private static void checkMatrix(String what, DenseMatrix m, int rows, int cols) {
        if (m == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalArgumentException(what + ": expected " + rows + " x " + cols + ", got "
                    + m.rows() + " x " + m.cols());
        }
    }

    private static void checkVector(String what, float[] v, int size) {
        if (v == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (v.length != size) {
            throw new IllegalArgumentException(what + ": expected " + size + " values, got " + v.length);
        }
    }
}
