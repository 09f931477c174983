package dev.tern.hdl.ir;

import java.util.List;

/**
 * A memory of {@code depth} words (a power of two) with synchronous read ports and synchronous write
 * ports. Reads are read-first: a read and a write of the same address in the same cycle return the
 * old word. {@code init} is empty or holds exactly {@code depth} words (a ROM has init and no writes).
 */
public record Memory(String name, HwType dataType, int depth, List<Bits> init, SourceLocation location) {
    public Memory {
        init = List.copyOf(init);
        if (depth < 2 || Integer.bitCount(depth) != 1) {
            throw new IllegalArgumentException("memory depth must be a power of two of at least 2, got " + depth);
        }
        if (!init.isEmpty() && init.size() != depth) {
            throw new IllegalArgumentException("memory init holds " + init.size() + " words, depth is " + depth);
        }
    }

    public int addressWidth() {
        return Integer.numberOfTrailingZeros(depth);
    }

    public long bits() {
        return (long) depth * dataType.width();
    }

    /** One write port: when {@code enable} is true at a rising edge, {@code data} is stored at {@code address}. */
    public record Write(Memory memory, Expr address, Expr data, Expr enable, SourceLocation location) {
    }

    /**
     * One read port: at a rising edge where {@code enable} is true (or always, when it is null), the word
     * at {@code address} is loaded into {@code data}, which holds it until the next enabled read.
     */
    public record Read(Memory memory, Net.MemReadData data, Expr address, Expr enable, SourceLocation location) {
    }
}
