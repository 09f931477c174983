package dev.tern.bitnet.infer;

import dev.tern.bitnet.model.BitNetException;

/**
 * What one generation does.
 *
 * @param maxNewTokens  tokens to generate at most
 * @param sampling      how each token is chosen
 * @param addBos        whether to prepend the tokenizer's BOS to the prompt
 * @param parseSpecial  whether control-token text in the prompt (such as {@code <|begin_of_text|>}) is that token
 * @param stopAtEos     whether generating EOS ends the generation (EOS is not printed)
 */
public record GenerationOptions(int maxNewTokens, SamplingOptions sampling, boolean addBos, boolean parseSpecial,
        boolean stopAtEos) {
    public GenerationOptions {
        if (maxNewTokens < 0) {
            throw new BitNetException("the number of new tokens must be >= 0, got " + maxNewTokens);
        }
        if (sampling == null) {
            throw new BitNetException("generation needs sampling options");
        }
    }

    /** Greedy, with BOS, stopping at EOS. */
    public static GenerationOptions greedy(int maxNewTokens) {
        return new GenerationOptions(maxNewTokens, SamplingOptions.greedy(), true, false, true);
    }

    public GenerationOptions withSampling(SamplingOptions newSampling) {
        return new GenerationOptions(maxNewTokens, newSampling, addBos, parseSpecial, stopAtEos);
    }
}
