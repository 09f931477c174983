package dev.tern.sim.engine;

import dev.tern.hdl.ir.Bits;
import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;

import java.util.List;

/**
 * The words of one memory in the narrowest Java array that holds them, so that a design's memories
 * take at most about twice their size in heap: {@code byte[]} up to 8 bits a word, {@code short[]} up to
 * 16, {@code int[]} up to 32, {@code long[]} up to 64, and {@code WideOps.words(width)} longs a word
 * beyond. Array elements hold the canonical bits (zero above the width); narrow kinds are read back
 * with a mask.
 */
public abstract sealed class MemoryStore permits MemoryStore.Bytes, MemoryStore.Shorts, MemoryStore.Ints,
        MemoryStore.Longs, MemoryStore.Wide {

    /** The element type of the array, for generated code that indexes it directly. */
    public enum Kind { BYTE, SHORT, INT, LONG, WIDE }

    protected final int width;
    protected final int depth;

    MemoryStore(int width, int depth) {
        this.width = width;
        this.depth = depth;
    }

    /** The kind of array a memory of this width is kept in. */
    public static Kind kindFor(int width) {
        if (width <= 8) {
            return Kind.BYTE;
        }
        if (width <= 16) {
            return Kind.SHORT;
        }
        if (width <= 32) {
            return Kind.INT;
        }
        return width <= 64 ? Kind.LONG : Kind.WIDE;
    }

    /** Heap bytes the array of a memory with these dimensions takes. */
    public static long bytesFor(int width, int depth) {
        return switch (kindFor(width)) {
            case BYTE -> depth;
            case SHORT -> 2L * depth;
            case INT -> 4L * depth;
            case LONG -> 8L * depth;
            case WIDE -> 8L * depth * WideOps.words(width);
        };
    }

    /** A zeroed memory, then filled with {@code init} when that is not empty. */
    public static MemoryStore allocate(int width, int depth, List<Bits> init) {
        MemoryStore store = switch (kindFor(width)) {
            case BYTE -> new Bytes(width, depth);
            case SHORT -> new Shorts(width, depth);
            case INT -> new Ints(width, depth);
            case LONG -> new Longs(width, depth);
            case WIDE -> new Wide(width, depth);
        };
        long[] word = new long[WideOps.words(width)];
        for (int address = 0; address < init.size(); address++) {
            PackedBits.store(init.get(address), word, 0);
            store.write(address, word, 0);
        }
        return store;
    }

    public abstract Kind kind();

    /** The backing array ({@code byte[]}, {@code short[]}, {@code int[]} or {@code long[]}). */
    public abstract Object array();

    public int width() {
        return width;
    }

    public int depth() {
        return depth;
    }

    /** Copies the word at {@code address} into the value array at {@code dst}. */
    public abstract void read(int address, long[] values, int dst);

    /** Stores the value at {@code src} of the value array as the word at {@code address}. */
    public abstract void write(int address, long[] values, int src);

    static final class Bytes extends MemoryStore {
        private final byte[] words;

        Bytes(int width, int depth) {
            super(width, depth);
            words = new byte[depth];
        }

        @Override
        public Kind kind() {
            return Kind.BYTE;
        }

        @Override
        public Object array() {
            return words;
        }

        @Override
        public void read(int address, long[] values, int dst) {
            values[dst] = words[address] & 0xFFL;
        }

        @Override
        public void write(int address, long[] values, int src) {
            words[address] = (byte) values[src];
        }
    }

    static final class Shorts extends MemoryStore {
        private final short[] words;

        Shorts(int width, int depth) {
            super(width, depth);
            words = new short[depth];
        }

        @Override
        public Kind kind() {
            return Kind.SHORT;
        }

        @Override
        public Object array() {
            return words;
        }

        @Override
        public void read(int address, long[] values, int dst) {
            values[dst] = words[address] & 0xFFFFL;
        }

        @Override
        public void write(int address, long[] values, int src) {
            words[address] = (short) values[src];
        }
    }

    static final class Ints extends MemoryStore {
        private final int[] words;

        Ints(int width, int depth) {
            super(width, depth);
            words = new int[depth];
        }

        @Override
        public Kind kind() {
            return Kind.INT;
        }

        @Override
        public Object array() {
            return words;
        }

        @Override
        public void read(int address, long[] values, int dst) {
            values[dst] = words[address] & 0xFFFFFFFFL;
        }

        @Override
        public void write(int address, long[] values, int src) {
            words[address] = (int) values[src];
        }
    }

    static final class Longs extends MemoryStore {
        private final long[] words;

        Longs(int width, int depth) {
            super(width, depth);
            words = new long[depth];
        }

        @Override
        public Kind kind() {
            return Kind.LONG;
        }

        @Override
        public Object array() {
            return words;
        }

        @Override
        public void read(int address, long[] values, int dst) {
            values[dst] = words[address];
        }

        @Override
        public void write(int address, long[] values, int src) {
            words[address] = values[src];
        }
    }

    /** Words of {@code WideOps.words(width)} longs each, word {@code a} at {@code a * stride}. */
    static final class Wide extends MemoryStore {
        private final long[] words;
        private final int stride;

        Wide(int width, int depth) {
            super(width, depth);
            stride = WideOps.words(width);
            words = new long[Math.multiplyExact(depth, stride)];
        }

        @Override
        public Kind kind() {
            return Kind.WIDE;
        }

        @Override
        public Object array() {
            return words;
        }

        @Override
        public void read(int address, long[] values, int dst) {
            System.arraycopy(words, address * stride, values, dst, stride);
        }

        @Override
        public void write(int address, long[] values, int src) {
            System.arraycopy(values, src, words, address * stride, stride);
        }
    }
}
