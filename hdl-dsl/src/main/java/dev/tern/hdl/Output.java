package dev.tern.hdl;

import dev.tern.hdl.ir.Net;

/** An output port. Its own component drives it; the parent of an instance reads it. */
public final class Output extends Assignable {
    Output(Component owner, Net.Port port) {
        super(owner, port);
    }

    @Override
    String kindName() {
        return "output";
    }
}
