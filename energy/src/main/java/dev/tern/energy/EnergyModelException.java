package dev.tern.energy;

/**
 * An error a user of the energy model can meet: a malformed technology table, an unknown DRAM type,
 * an impossible accelerator parameter, or simulated counts that disagree with the analytic ones.
 * The message is one line naming the thing and the place (file and field, or design and matmul).
 */
public final class EnergyModelException extends RuntimeException {

    public EnergyModelException(String message) {
        super(message);
    }

    public EnergyModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
