package dev.tern.accel;

import dev.tern.sim.CycleSimulation;

import java.math.BigInteger;

/** Driving a unit's valid/ready input streams ({@code <stream>_valid}, {@code _ready}, {@code _data}) in the simulator. */
public final class StreamHandshake {
    private StreamHandshake() {
    }

    /**
     * Offers {@code word} on {@code stream} and steps the clock until the unit takes it (valid and ready high at an
     * edge); valid is low again afterwards.
     */
    public static void push(CycleSimulation sim, String stream, BigInteger word) {
        sim.pokeBig(stream + "_data", word);
        sim.poke(stream + "_valid", 1);
        while (sim.peek(stream + "_ready") == 0) {
            sim.step();
        }
        sim.step();
        sim.poke(stream + "_valid", 0);
    }
}
