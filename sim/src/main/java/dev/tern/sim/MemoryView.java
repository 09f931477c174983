package dev.tern.sim;

import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.HwType;
import dev.tern.sim.engine.MemoryStore;
import dev.tern.sim.ops.NarrowOps;
import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One memory of a simulated design, to load before a run and to inspect after it. Reads and writes
 * here act at once, outside the clock: a write is seen by the next rising edge's read ports.
 */
public final class MemoryView {
    private final String name;
    private final HwType dataType;
    private final MemoryStore store;
    private final long[] word;

    MemoryView(String name, HwType dataType, MemoryStore store) {
        this.name = name;
        this.dataType = dataType;
        this.store = store;
        this.word = new long[WideOps.words(dataType.width())];
    }

    /** The hierarchical name, e.g. {@code u_fifo.storage}. */
    public String name() {
        return name;
    }

    public HwType dataType() {
        return dataType;
    }

    public int depth() {
        return store.depth();
    }

    /** The word at {@code address} as its type reads it (sign-extended for SInt); words up to 64 bits. */
    public long read(int address) {
        checkNarrow("read");
        store.read(checkAddress(address), word, 0);
        return dataType.signed() ? NarrowOps.signExtend(word[0], dataType.width()) : word[0];
    }

    public Bits readBits(int address) {
        store.read(checkAddress(address), word, 0);
        return PackedBits.load(word, 0, dataType.width());
    }

    /** Stores {@code value}, which must fit the data type (as a number of it, or as its raw bits). */
    public void write(int address, long value) {
        write(address, BigInteger.valueOf(value));
    }

    public void write(int address, BigInteger value) {
        int a = checkAddress(address);
        PackedBits.store(Values.checkFits(value, dataType, "memory " + name), dataType.width(), word, 0);
        store.write(a, word, 0);
    }

    public void write(int address, Bits value) {
        if (value.width() != dataType.width()) {
            throw new SimulationException("memory " + name + " holds " + dataType + " words; got " + value.width() + " bits");
        }
        int a = checkAddress(address);
        PackedBits.store(value, word, 0);
        store.write(a, word, 0);
    }

    /** Writes {@code words} from address 0 up; the rest of the memory keeps its contents. */
    public void load(long... words) {
        if (words.length > depth()) {
            throw new SimulationException("memory " + name + " has " + depth() + " words; cannot load " + words.length);
        }
        for (int a = 0; a < words.length; a++) {
            write(a, words[a]);
        }
    }

    public void load(List<Bits> words) {
        if (words.size() > depth()) {
            throw new SimulationException("memory " + name + " has " + depth() + " words; cannot load " + words.size());
        }
        for (int a = 0; a < words.size(); a++) {
            write(a, words.get(a));
        }
    }

    /** Every word, as {@link #read} gives it; words up to 64 bits. */
    public long[] dump() {
        checkNarrow("dump");
        long[] words = new long[depth()];
        for (int a = 0; a < words.length; a++) {
            words[a] = read(a);
        }
        return words;
    }

    public List<Bits> dumpBits() {
        List<Bits> words = new ArrayList<>(depth());
        for (int a = 0; a < depth(); a++) {
            words.add(readBits(a));
        }
        return words;
    }

    private int checkAddress(int address) {
        if (address < 0 || address >= depth()) {
            throw new SimulationException("address " + address + " is outside memory " + name + " (depth " + depth() + ")");
        }
        return address;
    }

    private void checkNarrow(String what) {
        if (dataType.width() > 64) {
            throw new SimulationException(what + ": memory " + name + " holds " + dataType + " words, wider than a long; use "
                    + what + "Bits");
        }
    }

    @Override
    public String toString() {
        return "memory " + name + " (" + depth() + " x " + dataType + ")";
    }
}
