package dev.tern.bitnet.model;

/** More positions were asked of a KV cache than it (or the model's context) holds. */
public class ContextLengthException extends BitNetException {
    public ContextLengthException(String message) {
        super(message);
    }
}
