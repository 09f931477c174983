package dev.tern.bitnet.tokenizer;

/**
 * A tokenizer description that cannot be used (unknown pre-tokenizer, bad merge, missing token). The
 * tokenizer package depends on nothing else in the module; model loaders rethrow this with the file named.
 */
public class TokenizerException extends RuntimeException {
    public TokenizerException(String message) {
        super(message);
    }
}
