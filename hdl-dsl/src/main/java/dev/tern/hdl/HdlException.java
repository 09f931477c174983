package dev.tern.hdl;

import dev.tern.hdl.ir.SourceLocation;

/**
 * A mistake in a user's design, found while it is built or elaborated. The message is one line that
 * starts with the user's own source location, e.g. {@code Fifo.java:42: width mismatch: ...}.
 */
public class HdlException extends RuntimeException {
    private final SourceLocation location;

    public HdlException(SourceLocation location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }
}
