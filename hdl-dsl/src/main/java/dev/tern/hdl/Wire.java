package dev.tern.hdl;

import dev.tern.hdl.ir.Net;

/**
 * A named combinational signal. Without a default it must be assigned on every path through the
 * {@code when} blocks (anything else would be a latch).
 */
public final class Wire extends Assignable {
    Wire(Component owner, Net.Wire wire) {
        super(owner, wire);
    }

    @Override
    String kindName() {
        return "wire";
    }
}
