package dev.tern.bitnet.model;

/** A problem a user of the bitnet module can meet (bad file, bad option, full context); the message is one line. */
public class BitNetException extends RuntimeException {
    public BitNetException(String message) {
        super(message);
    }

    public BitNetException(String message, Throwable cause) {
        super(message, cause);
    }
}
