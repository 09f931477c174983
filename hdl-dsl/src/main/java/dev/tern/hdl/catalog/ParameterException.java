package dev.tern.hdl.catalog;

/**
 * A design name or parameter a user gave that cannot be used; the message is one line naming the
 * design and the parameter, e.g. {@code fifo: depth must be a power of two from 2 to 65536, got 12}.
 */
public class ParameterException extends RuntimeException {
    public ParameterException(String message) {
        super(message);
    }
}
