package dev.tern.sim;

import dev.tern.hdl.ir.Design;

import java.math.BigInteger;

/**
 * A design running cycle by cycle behind its ports, whatever runs it: the Java {@link Simulator} or a
 * Verilog simulator process. Drivers of generated hardware are written against this, so one driver runs
 * the same design on every engine.
 *
 * <p>The semantics are the {@link Simulator}'s: {@link #step()} is one rising edge of the clock;
 * a peek after a poke sees its effect in the same cycle; values are numbers of the port's type (or its
 * raw bits), sign-extended when read from an SInt.
 */
public interface CycleSimulation extends AutoCloseable {
    /** The engine's name as users know it: {@code compiled}, {@code interpreter}, {@code verilator}. */
    String engine();

    Design design();

    /** Rising edges since the start. */
    long cycle();

    void poke(String port, long value);

    void pokeBig(String port, BigInteger value);

    /** An output (or, where the engine can see inside, any signal) of at most 64 bits. */
    long peek(String name);

    BigInteger peekBig(String name);

    /** One rising edge of the clock. */
    void step();

    /** One cycle with the reset asserted ({@code rst} high, an active-low reset low), then released again. */
    void reset();

    @Override
    void close();
}
