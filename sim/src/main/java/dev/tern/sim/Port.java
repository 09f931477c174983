package dev.tern.sim;

import dev.tern.hdl.ir.HwType;

/**
 * A port of the simulated design's top module: an input to {@link Simulator#poke(Port, long) poke}
 * (including the implicit reset {@code rst} of a clocked design) or an output to peek. The clock is not
 * a port: {@link Simulator#step()} drives it.
 */
public final class Port extends Probe {
    private final boolean input;

    Port(Simulator owner, String name, HwType type, int slot, boolean leaf, boolean input) {
        super(owner, name, type, slot, leaf);
        this.input = input;
    }

    public boolean isInput() {
        return input;
    }

    @Override
    public String toString() {
        return (input ? "input " : "output ") + name + " (" + type + ")";
    }
}
