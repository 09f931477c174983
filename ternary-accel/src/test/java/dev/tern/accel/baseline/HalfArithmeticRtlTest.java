package dev.tern.accel.baseline;

import dev.tern.hdl.Elaborator;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The half-precision multiplier and adder in the simulator equal {@link HalfFloat} bit for bit. */
class HalfArithmeticRtlTest {
    /** ±0, the smallest and largest subnormals, the smallest normal, 1 and its neighbours, the largest finite, ±inf, NaNs. */
    static final int[] SPECIAL_MAGNITUDES = {0x0000, 0x0001, 0x0002, 0x0003, 0x01ff, 0x0200, 0x03ff, 0x0400, 0x0401,
            0x07ff, 0x3800, 0x3bff, 0x3c00, 0x3c01, 0x3e00, 0x4000, 0x5bff, 0x5c00, 0x6800, 0x6801, 0x7bfe, 0x7bff,
            0x7c00, 0x7c01, 0x7e00, 0x7fff};

    private static Simulator multiplier;
    private static Simulator adder;

    @BeforeAll
    static void compile() {
        multiplier = Simulator.compile(Elaborator.elaborate(HalfMultiplier::new));
        adder = Simulator.compile(Elaborator.elaborate(HalfAdder::new));
    }

    @AfterAll
    static void close() {
        for (Simulator sim : new Simulator[]{multiplier, adder}) {
            if (sim != null) {
                sim.close();
            }
        }
    }

    static List<Integer> specialValues() {
        List<Integer> values = new ArrayList<>();
        for (int magnitude : SPECIAL_MAGNITUDES) {
            values.add(magnitude);
            values.add(magnitude | HalfFloat.SIGN);
        }
        return values;
    }

    @Test
    void multiplierMatchesOnEveryPairOfSpecialValues() {
        for (int a : specialValues()) {
            for (int b : specialValues()) {
                check(multiplier, "product", a, b, HalfFloat::multiply);
            }
        }
    }

    @Test
    void adderMatchesOnEveryPairOfSpecialValues() {
        for (int a : specialValues()) {
            for (int b : specialValues()) {
                check(adder, "sum", a, b, HalfFloat::add);
            }
        }
    }

    @Test
    void bothUnitsMatchOnEveryPatternAgainstSignedZerosMinusOneInfinitiesNaNAndTheSmallestSubnormal() {
        int[] partners = {0x0000, 0x8000, 0xbc00, 0x7c00, 0xfc00, 0x7e00, 0x0001};
        for (int a = 0; a <= 0xffff; a++) {
            for (int b : partners) {
                check(multiplier, "product", a, b, HalfFloat::multiply);
                check(adder, "sum", a, b, HalfFloat::add);
                check(adder, "sum", b, a, HalfFloat::add);
            }
        }
    }

    @Test
    void multiplierMatchesOnRandomPatterns() {
        SplittableRandom random = new SplittableRandom(21);
        for (int i = 0; i < 100_000; i++) {
            check(multiplier, "product", random.nextInt(0x10000), random.nextInt(0x10000), HalfFloat::multiply);
        }
    }

    @Test
    void multiplierMatchesWhereProductsUnderflowAndOverflow() {
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < 50_000; i++) {
            int exponentSum = random.nextInt(0, 48);
            int ea = random.nextInt(Math.max(0, exponentSum - 30), Math.min(30, exponentSum) + 1);
            int a = ea << 10 | random.nextInt(0x400) | (random.nextBoolean() ? HalfFloat.SIGN : 0);
            int b = (exponentSum - ea) << 10 | random.nextInt(0x400);
            check(multiplier, "product", a, b, HalfFloat::multiply);
        }
    }

    @Test
    void adderMatchesOnRandomPatternsAndOnEveryExponentDistance() {
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 100_000; i++) {
            check(adder, "sum", random.nextInt(0x10000), random.nextInt(0x10000), HalfFloat::add);
        }
        for (int i = 0; i < 100_000; i++) {
            int ea = random.nextInt(0, 31);
            int eb = Math.max(0, ea - random.nextInt(0, 16));
            int a = ea << 10 | random.nextInt(0x400) | (random.nextBoolean() ? HalfFloat.SIGN : 0);
            int b = eb << 10 | (random.nextBoolean() ? random.nextInt(0x400) : random.nextInt(4) * 0xff)
                    | (random.nextBoolean() ? HalfFloat.SIGN : 0);
            check(adder, "sum", a, b, HalfFloat::add);
        }
    }

    private static void check(Simulator sim, String output, int a, int b, IntBinaryOperator golden) {
        sim.poke("a", a);
        sim.poke("b", b);
        sim.evaluate();
        int expected = golden.applyAsInt(a, b);
        long actual = sim.peek(output);
        if (actual != expected) {
            assertEquals(String.format("%04x", expected), String.format("%04x", actual),
                    String.format("%s of %04x and %04x", output, a, b));
        }
    }
}
