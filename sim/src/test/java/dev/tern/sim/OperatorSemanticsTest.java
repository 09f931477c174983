package dev.tern.sim;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Net;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each operator at widths on both sides of every word boundary, signed and unsigned, shifted by small,
 * large and wide amounts: both engines must give exactly what the IR's own definition gives.
 */
class OperatorSemanticsTest {
    static final int[] WIDTHS = {1, 2, 7, 8, 31, 32, 33, 63, 64, 65, 100, 128, 130};
    static Design zoo;
    static List<Simulator> engines;

    @BeforeAll
    static void build() {
        zoo = Elaborator.elaborate(() -> new TestDesigns.OperatorZoo(WIDTHS));
        engines = List.of(Simulator.interpret(zoo), Simulator.compile(zoo));
    }

    @Test
    void everyOperatorMatchesTheIrDefinitionOnBothEngines() {
        CombinationalReference reference = new CombinationalReference(zoo.top());
        Random random = new Random(20240601);
        for (int trial = 0; trial < 1500; trial++) {
            Map<String, Bits> inputs = new LinkedHashMap<>();
            for (Net.Port p : zoo.top().inputs()) {
                int w = p.type().width();
                Bits value;
                if (p.name().equals("amount")) {
                    value = Bits.of(8, random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(140));
                } else if (p.name().equals("wide_amount")) {
                    value = random.nextInt(8) == 0 ? Bits.of(70, new BigInteger(70, random)) : Bits.of(70, random.nextInt(140));
                } else if (p.name().startsWith("b") && random.nextInt(8) == 0) {
                    value = inputs.get("a" + p.name().substring(1));
                } else {
                    value = interesting(w, random);
                }
                inputs.put(p.name(), value);
            }
            Map<String, Bits> expected = reference.outputs(inputs);
            for (Simulator sim : engines) {
                inputs.forEach((name, value) -> sim.poke(sim.port(name), value));
                for (Net.Port out : zoo.top().outputs()) {
                    Bits actual = sim.peekBits(out.name());
                    if (!actual.equals(expected.get(out.name()))) {
                        fail(sim.engine() + ": " + out.name() + " = " + actual + ", the IR says " + expected.get(out.name())
                                + " for inputs " + inputs);
                    }
                }
            }
        }
    }

    @Test
    void peekReadsSignedValuesSignExtended() {
        Simulator sim = engines.get(1);
        sim.poke("a8", 0x80);
        sim.poke("b8", 0x01);
        assertEquals(-129, sim.peek("ssubw8"));
        assertEquals(-128, sim.peek("neg8"));
    }

    /** Values where operators go wrong: zero, one, all ones, the signed extremes, small numbers, random bits. */
    static Bits interesting(int width, Random random) {
        BigInteger value = switch (random.nextInt(10)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE;
            case 2 -> Bits.mask(width);
            case 3 -> BigInteger.ONE.shiftLeft(width - 1);
            case 4 -> BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE);
            case 5 -> BigInteger.valueOf(random.nextInt(16));
            case 6 -> Bits.mask(width).subtract(BigInteger.valueOf(random.nextInt(16)));
            default -> new BigInteger(width, random);
        };
        return Bits.of(width, value);
    }
}
