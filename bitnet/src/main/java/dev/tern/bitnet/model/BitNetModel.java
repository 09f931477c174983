package dev.tern.bitnet.model;

import dev.tern.bitnet.tokenizer.BpeTokenizer;

/**
 * A model ready to run: its weights (which carry the config) and its tokenizer, plus a line saying
 * where it came from (file and format) for reports. Loaders check that the tokenizer fits the
 * embedding before building one, naming the file.
 */
public record BitNetModel(BitNetWeights weights, BpeTokenizer tokenizer, String source) {
    public BitNetModel {
        if (tokenizer.vocabularySize() > weights.config().vocab()) {
            throw new IllegalArgumentException(source + ": the tokenizer has " + tokenizer.vocabularySize()
                    + " tokens but the model only " + weights.config().vocab() + " embedding rows");
        }
    }

    public BitNetConfig config() {
        return weights.config();
    }
}
