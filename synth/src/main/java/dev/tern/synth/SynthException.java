package dev.tern.synth;

/**
 * Synthesis or place and route could not be done as asked (unknown target or device, a tool's
 * error, a design that does not fit); the message is one line naming the design, the tool and the cause.
 */
public class SynthException extends RuntimeException {
    public SynthException(String message) {
        super(message);
    }
}
