package dev.tern.bitnet.model;

import dev.tern.bitnet.tokenizer.TokenizerSpec;

/**
 * A model as a writer reads it: tensor by tensor and row by row, so that a source may generate or load
 * each part only when it is written (a synthetic model never exists whole).
 */
public interface ModelSource {
    BitNetConfig config();

    TokenizerSpec tokenizer();

    /** A short name for file metadata. */
    String name();

    BitLinear projection(int layer, Projection projection);

    /**
     * The projection's extra output scale (1 when none), known without building the projection: a writer
     * lays out its file before it produces the weights.
     */
    default float outputScale(int layer, Projection projection) {
        return projection(layer, projection).outputScale();
    }

    /** The norm's weights, or {@code null} when the config has no such norm. */
    float[] norm(int layer, LayerNorm norm);

    float[] outputNorm();

    /** Row {@code token} of the token embedding. */
    void embeddingRow(int token, float[] dst);

    /** Row {@code token} of lm_head; the embedding's row when tied. */
    default void lmHeadRow(int token, float[] dst) {
        embeddingRow(token, dst);
    }

    /** A loaded model as a source, to write it in another format. */
    static ModelSource of(BitNetModel model) {
        BitNetWeights w = model.weights();
        return new ModelSource() {
            @Override
            public BitNetConfig config() {
                return w.config();
            }

            @Override
            public TokenizerSpec tokenizer() {
                return model.tokenizer().spec();
            }

            @Override
            public String name() {
                return model.source();
            }

            @Override
            public BitLinear projection(int layer, Projection projection) {
                return w.layers().get(layer).projection(projection);
            }

            @Override
            public float[] norm(int layer, LayerNorm norm) {
                return w.layers().get(layer).norm(norm);
            }

            @Override
            public float[] outputNorm() {
                return w.outputNorm();
            }

            @Override
            public void embeddingRow(int token, float[] dst) {
                w.tokenEmbedding().copyRow(token, dst);
            }

            @Override
            public void lmHeadRow(int token, float[] dst) {
                w.lmHead().copyRow(token, dst);
            }
        };
    }
}
