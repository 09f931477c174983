package dev.tern.hdl.usage;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.catalog.Alu;
import dev.tern.hdl.catalog.AluOp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ALU against a BigInteger model of each op code, one cycle after the operands. */
class AluBehaviourTest {
    private static final BigInteger TWO = BigInteger.TWO;

    /** The expected result bits for op {@code code} on unsigned words {@code a}, {@code b} of {@code width} bits. */
    private static BigInteger model(int code, BigInteger a, BigInteger b, int width) {
        BigInteger modulus = TWO.pow(width);
        BigInteger signedA = a.testBit(width - 1) ? a.subtract(modulus) : a;
        BigInteger signedB = b.testBit(width - 1) ? b.subtract(modulus) : b;
        boolean shiftsAll = b.compareTo(BigInteger.valueOf(width)) >= 0;
        int amount = shiftsAll ? width : b.intValueExact();
        BigInteger exact = switch (code) {
            case 0 -> a.add(b);
            case 1 -> a.subtract(b);
            case 2 -> a.and(b);
            case 3 -> a.or(b);
            case 4 -> a.xor(b);
            case 5 -> shiftsAll ? BigInteger.ZERO : a.shiftLeft(amount);
            case 6 -> a.shiftRight(amount);
            case 7 -> signedA.shiftRight(amount);
            case 8 -> signedA.compareTo(signedB) < 0 ? BigInteger.ONE : BigInteger.ZERO;
            case 9 -> a.compareTo(b) < 0 ? BigInteger.ONE : BigInteger.ZERO;
            default -> BigInteger.ZERO;
        };
        return exact.mod(modulus);
    }

    private static List<BigInteger> operands(int width, Random random) {
        BigInteger max = TWO.pow(width).subtract(BigInteger.ONE);
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, max, TWO.pow(width - 1),
                BigInteger.valueOf(width - 1).min(max), BigInteger.valueOf(width).min(max)));
        for (int i = 0; i < 6; i++) {
            values.add(new BigInteger(1 + random.nextInt(width), random));
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 32, 65})
    void everyOpCodeMatchesTheModelOneCycleLater(int width) {
        NetlistStepper alu = new NetlistStepper(Elaborator.elaborate(() -> new Alu(width)));
        alu.reset();
        Random random = new Random(width);
        List<BigInteger> values = operands(width, random);
        int checked = 0;
        for (int code = 0; code < 1 << AluOp.CODE_WIDTH; code++) {
            for (BigInteger a : values) {
                for (BigInteger b : values) {
                    alu.poke("op", code);
                    alu.poke("a", a);
                    alu.poke("b", b);
                    alu.poke("in_valid", true);
                    alu.step();
                    assertTrue(alu.peekBool("out_valid"));
                    assertEquals(model(code, a, b, width), alu.peek("result"), "op " + code + " a=" + a + " b=" + b);
                    checked++;
                }
            }
        }
        assertEquals(16 * values.size() * values.size(), checked);
    }

    @ParameterizedTest
    @ValueSource(ints = {8})
    void resultHoldsWhileNoValidInputArrives(int width) {
        NetlistStepper alu = new NetlistStepper(Elaborator.elaborate(() -> new Alu(width)));
        alu.reset();
        assertFalse(alu.peekBool("out_valid"));
        alu.poke("op", AluOp.SUB.code());
        alu.poke("a", 5);
        alu.poke("b", 7);
        alu.poke("in_valid", true);
        alu.step();
        assertEquals(254, alu.peekLong("result"));
        alu.poke("in_valid", false);
        alu.poke("a", 1);
        alu.step();
        assertFalse(alu.peekBool("out_valid"));
        assertEquals(254, alu.peekLong("result"));
    }
}
