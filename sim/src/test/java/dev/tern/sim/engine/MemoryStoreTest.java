package dev.tern.sim.engine;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Mem;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.MemoryView;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryStoreTest {
    /** Memories of 8, 12, 64 and 128-bit words, 16 MiB of bits in all. */
    static final class BigMemories extends Component {
        static final int[][] SHAPES = {{22, 8}, {21, 12}, {20, 64}, {16, 128}};

        BigMemories() {
            Input addr = input("addr", uint(22));
            Input data = input("data", uint(128));
            Input we = input("we", bool());
            for (int[] shape : SHAPES) {
                int depthBits = shape[0];
                int width = shape[1];
                Mem m = memory("m" + width, 1 << depthBits, uint(width));
                m.write(addr.bits(depthBits - 1, 0), data.bits(width - 1, 0), we);
                output("q" + width, uint(width)).set(m.read(addr.bits(depthBits - 1, 0)));
            }
        }
    }

    @Test
    void sixteenMebibytesOfMemoriesTakeLessThanTwiceThatInHeap() {
        Design design = Elaborator.elaborate(BigMemories::new);
        long bits = 0;
        for (int[] shape : BigMemories.SHAPES) {
            bits += (long) shape[1] << shape[0];
        }
        assertEquals(16L << 20, bits / 8);
        for (Simulator sim : new Simulator[] {Simulator.interpret(design), Simulator.compile(design)}) {
            long bytes = 0;
            for (MemoryView m : sim.memories()) {
                bytes += MemoryStore.bytesFor(m.dataType().width(), m.depth());
            }
            assertTrue(bytes < 2 * (16L << 20), bytes + " bytes");
            sim.poke("addr", (1 << 22) - 1);
            sim.poke("we", 1);
            sim.pokeBig("data", java.math.BigInteger.ONE.shiftLeft(127).add(java.math.BigInteger.valueOf(0xABC)));
            sim.step(2);
            assertEquals(0xBC, sim.peek("q8"), sim.engine());
            assertEquals(0xABC, sim.peek("q12"), sim.engine());
            assertEquals(0xABC, sim.memory("m64").read((1 << 20) - 1), sim.engine());
            assertEquals(sim.peekBig("data"), sim.peekBig("q128"), sim.engine());
        }
    }

    @Test
    void wordsOfFiveBitsOrMoreTakeLessThanTwiceTheirBits() {
        for (int width = 5; width <= 300; width++) {
            long bytes = MemoryStore.bytesFor(width, 1024);
            assertTrue(bytes * 8 < 2L * width * 1024, width + " bits: " + bytes + " bytes per 1024 words");
        }
    }

    @Test
    void narrowKindsReadBackWithoutSignExtension() {
        for (int width : List.of(8, 16, 32, 64)) {
            MemoryStore store = MemoryStore.allocate(width, 4, List.of());
            long[] value = {width == 64 ? -1L : (1L << width) - 1};
            store.write(3, value, 0);
            long[] back = new long[1];
            store.read(3, back, 0);
            assertEquals(value[0], back[0], width + " bits");
        }
    }
}
