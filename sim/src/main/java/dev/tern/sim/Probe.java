package dev.tern.sim;

import dev.tern.hdl.ir.HwType;

/**
 * A named signal of a simulated design, found once by name and then read cheaply with
 * {@link Simulator#peek(Probe)}: any port, wire, register, memory read data or instance output,
 * under its hierarchical name ({@code count}, {@code u_fifo.count}). A top-level port is a {@link Port}.
 */
public sealed class Probe permits Port {
    final Simulator owner;
    final String name;
    final HwType type;
    final int slot;
    /** True when the value is an input or state, so reading it needs no combinational evaluation. */
    final boolean leaf;

    Probe(Simulator owner, String name, HwType type, int slot, boolean leaf) {
        this.owner = owner;
        this.name = name;
        this.type = type;
        this.slot = slot;
        this.leaf = leaf;
    }

    /** The hierarchical name. */
    public String name() {
        return name;
    }

    public HwType type() {
        return type;
    }

    public int width() {
        return type.width();
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
