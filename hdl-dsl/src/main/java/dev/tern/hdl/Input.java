package dev.tern.hdl;

import dev.tern.hdl.ir.Net;

/** An input port. Its own component reads it; the parent drives it with {@link #set}. */
public final class Input extends Assignable {
    Input(Component owner, Net.Port port) {
        super(owner, port);
    }

    @Override
    String kindName() {
        return "input";
    }
}
