package dev.tern.accel;

import dev.tern.hdl.catalog.ParameterException;

/**
 * A configuration of the ternary accelerator that cannot be built; the one-line message names the
 * parameter and the limit it breaks, e.g. {@code ternary-matmul: lanes must be a power of two from 16 to 1024, got 48}.
 */
public final class AcceleratorConfigException extends ParameterException {
    public AcceleratorConfigException(String message) {
        super(message);
    }
}
