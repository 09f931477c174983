package dev.tern.sim.compiler;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorExpressionsTest {
    private static final int LANES = 19;

    @Test
    void operatorsBecomeLanewiseCallsWithJavasPrecedence() {
        assertEquals(Optional.of("LongVector.fromArray(L, v, 8 + i).lanewise(VectorOperators.ADD, e1)"
                        + ".lanewise(VectorOperators.AND, 0x3ffL)"),
                VectorExpressions.vector("(v[8 + i] + e1 & 0x3ffL)", "e1"::equals));
        assertEquals(Optional.of("e4.neg().lanewise(VectorOperators.AND, 0x1ffL)"),
                VectorExpressions.vector("(-e4 & 0x1ffL)", "e4"::equals));
        assertEquals(Optional.of("e2.lanewise(VectorOperators.LSHL, 54).lanewise(VectorOperators.ASHR, 54)"),
                VectorExpressions.vector("(e2 << 54 >> 54)", "e2"::equals));
    }

    @Test
    void aScalarOperandStaysScalarUntilAVectorMeetsIt() {
        assertEquals(Optional.of("e1.lanewise(VectorOperators.ADD, (u3 ^ 0x1L))"),
                VectorExpressions.vector("((u3 ^ 0x1L) + e1)", "e1"::equals));
        assertEquals(Optional.of("LongVector.broadcast(L, 0x10L).lanewise(VectorOperators.SUB, e1)"),
                VectorExpressions.vector("(0x10L - e1)", "e1"::equals));
        assertEquals(Optional.of("LongVector.broadcast(L, (u3 + v[7]))"),
                VectorExpressions.vector("(u3 + v[7])", name -> false));
    }

    @Test
    void callsHaveNoLanewiseForm() {
        assertTrue(VectorExpressions.vector("(Long.bitCount(e1) & 1L)", "e1"::equals).isEmpty());
        assertTrue(VectorExpressions.vector("NarrowOps.eq(e1, e2, 64)", name -> true).isEmpty());
        assertTrue(VectorExpressions.vector("e1 ? e2 : e3", name -> true).isEmpty());
    }

    /**
     * Every operator {@link NarrowExpressions} writes, at widths from 1 to 63 bits, computed by the plain loop and by
     * the vector loop of {@link LaneLoop} over random canonical operands: the two agree on every lane, including
     * the lanes after the last full vector.
     */
    @Test
    void vectorLoopsComputeWhatPlainLoopsCompute() throws Throwable {
        assertTrue(VectorLoops.available(), "the build runs tests with --add-modules " + VectorLoops.MODULE);
        List<String> expressions = new ArrayList<>();
        for (int width : new int[] {1, 2, 5, 9, 16, 31, 33, 63}) {
            expressions.addAll(operators(width));
        }
        StringBuilder source = new StringBuilder("package dev.tern.sim.compiler;\n"
                + "import jdk.incubator.vector.LongVector;\nimport jdk.incubator.vector.VectorOperators;\n"
                + "import jdk.incubator.vector.VectorSpecies;\n"
                + "public final class VectorProbe {\n"
                + "    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;\n");
        for (boolean vectors : new boolean[] {false, true}) {
            source.append("    public static void ").append(vectors ? "vector" : "plain")
                    .append("(long[] v, long u1, long[] out) {\n");
            for (int k = 0; k < expressions.size(); k++) {
                String expression = expressions.get(k);
                LaneLoop loop = new LaneLoop(LANES);
                loop.local("e1", "v[" + LANES + " + i]");
                loop.store("out", k * LANES, expression);
                String text = vectors ? loop.vectorText("        ").orElseThrow(() -> new AssertionError("no vector form of " + expression))
                        : loop.plainText("        ");
                source.append("        ").append(text).append('\n');
            }
            source.append("    }\n");
        }
        source.append("}\n");
        byte[] classFile = JavaSourceCompiler.compile(JavaCodeGenerator.PACKAGE + ".VectorProbe", source.toString(), true)
                .get(JavaCodeGenerator.PACKAGE + ".VectorProbe");
        MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(classFile, true);
        MethodType type = MethodType.methodType(void.class, long[].class, long.class, long[].class);
        MethodHandle plain = lookup.findStatic(lookup.lookupClass(), "plain", type);
        MethodHandle vector = lookup.findStatic(lookup.lookupClass(), "vector", type);

        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int width = 1 + random.nextInt(63);
            long[] v = new long[2 * LANES];
            for (int i = 0; i < v.length; i++) {
                // Canonical values of the widest operand: the expressions mask what they read.
                v[i] = random.nextLong() >>> random.nextInt(64);
            }
            long u1 = random.nextLong() >>> (64 - width);
            long[] expected = new long[expressions.size() * LANES];
            long[] actual = new long[expressions.size() * LANES];
            plain.invokeExact(v, u1, expected);
            vector.invokeExact(v, u1, actual);
            assertArrayEquals(expected, actual, "round " + round);
        }
    }

    /** The expressions of the narrow operators on lanes {@code a} and {@code b}, with {@code u1} for every lane. */
    private static List<String> operators(int width) {
        String a = NarrowExpressions.mask("v[0 + i]", width);
        String b = NarrowExpressions.mask("e1", width);
        String u = NarrowExpressions.mask("u1", width);
        int half = Math.max(1, width / 2);
        return List.of(
                NarrowExpressions.add(a, b, width),
                NarrowExpressions.sub(u, a, width),
                NarrowExpressions.mul(NarrowExpressions.mask(a, half), half, NarrowExpressions.mask(b, half), half, true),
                NarrowExpressions.mul(NarrowExpressions.mask(a, half), half, u, half, false),
                NarrowExpressions.and(a, u),
                NarrowExpressions.or(a, b),
                NarrowExpressions.xor(u, b),
                NarrowExpressions.eq(a, b, width),
                NarrowExpressions.eq(a, NarrowExpressions.literal(0), width),
                NarrowExpressions.ne(a, u, width),
                NarrowExpressions.lt(a, b, width, true),
                NarrowExpressions.le(a, b, width, false),
                NarrowExpressions.gt(u, b, width, true),
                NarrowExpressions.ge(a, u, width, false),
                NarrowExpressions.shl(a, width / 3, width),
                NarrowExpressions.shr(b, width / 2, width),
                NarrowExpressions.sra(a, width / 2, width),
                NarrowExpressions.not(b, width),
                NarrowExpressions.neg(a, width),
                NarrowExpressions.andReduce(a, width),
                NarrowExpressions.orReduce(b, width),
                NarrowExpressions.mux(NarrowExpressions.mask(a, 1), b, u),
                NarrowExpressions.mux(NarrowExpressions.mask(b, 1), a, NarrowExpressions.literal(0)),
                NarrowExpressions.mux(NarrowExpressions.mask(u, 1), NarrowExpressions.literal(0), a),
                NarrowExpressions.concat(NarrowExpressions.mask(a, 64 - width), b, width),
                NarrowExpressions.slice(a, width, width / 2, width - width / 2),
                NarrowExpressions.extend(a, width, 64, true),
                NarrowExpressions.extend(b, half, width, true));
    }
}
