package dev.tern.sim;

/**
 * A mistake in using the simulator that a user can meet: an unknown port or signal, a value that does
 * not fit, a condition that never came true, a malformed stimulus file. The message is one line that
 * names the thing and where it is.
 */
public class SimulationException extends RuntimeException {
    public SimulationException(String message) {
        super(message);
    }

    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
