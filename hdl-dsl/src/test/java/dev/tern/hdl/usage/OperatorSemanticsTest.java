package dev.tern.hdl.usage;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Signal;
import dev.tern.hdl.Signals;
import dev.tern.hdl.Types;
import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.ExprEvaluator;
import dev.tern.hdl.ir.HwType;
import dev.tern.hdl.ir.ModuleDef;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every DSL operator's result type and value. Each case elaborates a design whose output is the
 * operator applied to input ports, evaluates the IR with {@link ExprEvaluator} over corner and random
 * values, and compares with a reference computed here on mathematical integers with BigInteger.
 * Values are compared as raw bits: the reference reduces its exact result modulo {@code 2^width}.
 */
class OperatorSemanticsTest {
    private static final int[] WIDTHS = {1, 7, 8, 63, 64, 65, 100, 128, 130};
    private static final BigInteger TWO = BigInteger.TWO;

    private final Random random = new Random(0x7e27);

    // ---- the design under test ----

    /** One elaborated operator: the output's type and expression over the input ports a and b. */
    private record Probe(String name, HwType type, Expr output, HwType aType, HwType bType) {
        /** The output's bits, read as unsigned, for inputs given as mathematical values (wrapped to the port). */
        BigInteger eval(BigInteger a, BigInteger b) {
            Bits result = ExprEvaluator.evaluate(output, net -> switch (net.name()) {
                case "a" -> Bits.of(aType.width(), a);
                case "b" -> Bits.of(bType.width(), b);
                default -> throw new IllegalStateException("unexpected net " + net);
            });
            assertEquals(type.width(), result.width(), name + ": width of the value");
            return result.toUnsigned();
        }
    }

    private static Probe binary(String name, HwType aType, HwType bType, BinaryOperator<Signal> operator) {
        ModuleDef top = Elaborator.elaborate(() -> new Component() {{
            Input a = input("a", aType);
            Input b = input("b", bType);
            Signal result = operator.apply(a, b);
            Output y = output("y", result.type());
            y.set(result);
        }}).top();
        String label = name + "(" + aType + ", " + bType + ")";
        return new Probe(label, top.port("y").type(), top.assigns().get(top.port("y")), aType, bType);
    }

    private static Probe unary(String name, HwType aType, UnaryOperator<Signal> operator) {
        return binary(name, aType, Types.bool(), (a, b) -> operator.apply(a));
    }

    // ---- the reference ----

    /** Two's complement bits of {@code value} in {@code width} bits, as a non-negative number. */
    private static BigInteger bits(BigInteger value, int width) {
        return value.mod(TWO.pow(width));
    }

    /** {@code raw} read as a two's complement number of {@code width} bits. */
    private static BigInteger signedValue(BigInteger raw, int width) {
        return raw.testBit(width - 1) ? raw.subtract(TWO.pow(width)) : raw;
    }

    private static BigInteger bool(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static BigInteger min(HwType t) {
        return t.signed() ? TWO.pow(t.width() - 1).negate() : BigInteger.ZERO;
    }

    private static BigInteger max(HwType t) {
        return (t.signed() ? TWO.pow(t.width() - 1) : TWO.pow(t.width())).subtract(BigInteger.ONE);
    }

    /** Values of {@code t} as mathematical integers: its edges, small numbers, and random ones of every length. */
    private List<BigInteger> samples(HwType t, int randomCount) {
        BigInteger lo = min(t);
        BigInteger hi = max(t);
        Set<BigInteger> values = new LinkedHashSet<>();
        for (BigInteger v : List.of(lo, hi, BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), lo.add(BigInteger.ONE),
                hi.subtract(BigInteger.ONE), TWO.pow(t.width() / 2), TWO.pow(t.width() / 2).negate())) {
            if (v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0) {
                values.add(v);
            }
        }
        for (int i = 0; i < randomCount; i++) {
            BigInteger magnitude = new BigInteger(1 + random.nextInt(t.width()), random);
            BigInteger v = t.signed() ? signedValue(bits(magnitude, t.width()), t.width()) : magnitude;
            BigInteger negated = v.negate();
            boolean negatable = t.signed() && negated.compareTo(lo) >= 0 && negated.compareTo(hi) <= 0;
            values.add(negatable && random.nextBoolean() ? negated : v);
        }
        return new ArrayList<>(values);
    }

    private static List<HwType> allTypes() {
        List<HwType> types = new ArrayList<>();
        for (int w : WIDTHS) {
            types.add(HwType.uint(w));
            types.add(HwType.sint(w));
        }
        return types;
    }

    private static HwType like(HwType t, int width) {
        return t.signed() ? HwType.sint(width) : HwType.uint(width);
    }

    private void expect(Probe probe, HwType expectedType, List<BigInteger> as, List<BigInteger> bs,
                        BinaryOperator<BigInteger> reference) {
        assertEquals(expectedType, probe.type(), probe.name() + ": result type");
        for (BigInteger a : as) {
            for (BigInteger b : bs) {
                BigInteger expected = bits(reference.apply(a, b), expectedType.width());
                assertEquals(expected, probe.eval(a, b), probe.name() + " with a=" + a + ", b=" + b);
            }
        }
    }

    private void expectUnary(Probe probe, HwType expectedType, List<BigInteger> as, Function<BigInteger, BigInteger> reference) {
        expect(probe, expectedType, as, List.of(BigInteger.ZERO), (a, b) -> reference.apply(a));
    }

    // ---- arithmetic ----

    @Test
    void addAndSubtractWrapAtTheWiderOperandsWidth() {
        for (HwType ta : allTypes()) {
            for (int wb : WIDTHS) {
                HwType tb = like(ta, wb);
                HwType result = like(ta, Math.max(ta.width(), wb));
                List<BigInteger> as = samples(ta, 4);
                List<BigInteger> bs = samples(tb, 4);
                expect(binary("add", ta, tb, Signal::add), result, as, bs, BigInteger::add);
                expect(binary("sub", ta, tb, Signal::sub), result, as, bs, BigInteger::subtract);
            }
        }
    }

    @Test
    void wideAddAndSubtractNeverOverflow() {
        for (HwType ta : allTypes()) {
            for (int wb : WIDTHS) {
                HwType tb = like(ta, wb);
                HwType result = like(ta, Math.max(ta.width(), wb) + 1);
                List<BigInteger> as = samples(ta, 4);
                List<BigInteger> bs = samples(tb, 4);
                Probe add = binary("addWide", ta, tb, Signal::addWide);
                Probe sub = binary("subWide", ta, tb, Signal::subWide);
                expect(add, result, as, bs, BigInteger::add);
                expect(sub, result, as, bs, BigInteger::subtract);
                for (BigInteger a : as) {
                    for (BigInteger b : bs) {
                        BigInteger read = result.signed() ? signedValue(add.eval(a, b), result.width()) : add.eval(a, b);
                        assertEquals(a.add(b), read, "addWide is exact");
                    }
                }
            }
        }
    }

    @Test
    void multiplyGivesTheFullProduct() {
        for (HwType ta : allTypes()) {
            for (int wb : WIDTHS) {
                HwType tb = like(ta, wb);
                expect(binary("mul", ta, tb, Signal::mul), like(ta, ta.width() + wb), samples(ta, 4), samples(tb, 4),
                        BigInteger::multiply);
            }
        }
    }

    @Test
    void negateWrapsAndTheMinimumIsItsOwnNegation() {
        for (HwType t : allTypes()) {
            Probe neg = unary("neg", t, Signal::neg);
            expectUnary(neg, t, samples(t, 8), BigInteger::negate);
            if (t.signed()) {
                assertEquals(bits(min(t), t.width()), neg.eval(min(t), BigInteger.ZERO), "-min == min for " + t);
            }
        }
    }

    // ---- bitwise ----

    @Test
    void bitwiseOperatorsExtendTheNarrowerOperandBySignedness() {
        for (HwType ta : allTypes()) {
            for (int wb : WIDTHS) {
                HwType tb = like(ta, wb);
                HwType result = like(ta, Math.max(ta.width(), wb));
                List<BigInteger> as = samples(ta, 3);
                List<BigInteger> bs = samples(tb, 3);
                // BigInteger's and/or/xor act on infinite two's complement, which is what sign extension gives.
                expect(binary("and", ta, tb, Signal::and), result, as, bs, BigInteger::and);
                expect(binary("or", ta, tb, Signal::or), result, as, bs, BigInteger::or);
                expect(binary("xor", ta, tb, Signal::xor), result, as, bs, BigInteger::xor);
            }
        }
    }

    @Test
    void notInvertsEveryBit() {
        for (HwType t : allTypes()) {
            expectUnary(unary("not", t, Signal::not), t, samples(t, 8), BigInteger::not);
        }
    }

    @Test
    void reductionsGiveOneBool() {
        for (HwType t : allTypes()) {
            List<BigInteger> values = samples(t, 8);
            int w = t.width();
            expectUnary(unary("andR", t, Signal::andR), HwType.bool(), values,
                    a -> bool(bits(a, w).equals(TWO.pow(w).subtract(BigInteger.ONE))));
            expectUnary(unary("orR", t, Signal::orR), HwType.bool(), values, a -> bool(a.signum() != 0));
            expectUnary(unary("xorR", t, Signal::xorR), HwType.bool(), values, a -> bool(bits(a, w).bitCount() % 2 == 1));
        }
    }

    // ---- comparisons ----

    @Test
    void comparisonsAreSignedForSIntAndUnsignedForUInt() {
        for (HwType ta : allTypes()) {
            for (int wb : WIDTHS) {
                HwType tb = like(ta, wb);
                List<BigInteger> as = samples(ta, 3);
                List<BigInteger> bs = samples(tb, 3);
                expect(binary("eq", ta, tb, Signal::eq), HwType.bool(), as, bs, (a, b) -> bool(a.compareTo(b) == 0));
                expect(binary("ne", ta, tb, Signal::ne), HwType.bool(), as, bs, (a, b) -> bool(a.compareTo(b) != 0));
                expect(binary("lt", ta, tb, Signal::lt), HwType.bool(), as, bs, (a, b) -> bool(a.compareTo(b) < 0));
                expect(binary("le", ta, tb, Signal::le), HwType.bool(), as, bs, (a, b) -> bool(a.compareTo(b) <= 0));
                expect(binary("gt", ta, tb, Signal::gt), HwType.bool(), as, bs, (a, b) -> bool(a.compareTo(b) > 0));
                expect(binary("ge", ta, tb, Signal::ge), HwType.bool(), as, bs, (a, b) -> bool(a.compareTo(b) >= 0));
            }
        }
    }

    @Test
    void signedCompareAtTheExtremes() {
        for (int w : WIDTHS) {
            HwType t = HwType.sint(w);
            Probe lt = binary("lt", t, t, Signal::lt);
            assertEquals(BigInteger.ONE, lt.eval(min(t), max(t)), "min < max in " + t);
            assertEquals(BigInteger.ZERO, lt.eval(max(t), min(t)), "max < min in " + t);
            assertEquals(BigInteger.ZERO, lt.eval(min(t), min(t)), "min < min in " + t);
            HwType u = HwType.uint(w);
            Probe ltu = binary("lt", u, u, Signal::lt);
            assertEquals(BigInteger.ONE, ltu.eval(TWO.pow(w - 1).subtract(BigInteger.ONE), TWO.pow(w - 1)),
                    "unsigned: the sign bit is magnitude in " + u);
        }
    }

    @Test
    void comparingWithAnIntegerUsesALiteralOfTheSignalsType() {
        for (int w : WIDTHS) {
            HwType t = HwType.sint(w);
            expectUnary(unary("lt(-1)", t, a -> a.lt(-1)), HwType.bool(), samples(t, 8), a -> bool(a.compareTo(BigInteger.ONE.negate()) < 0));
            HwType u = HwType.uint(w);
            expectUnary(unary("eq(1)", u, a -> a.eq(1)), HwType.bool(), samples(u, 8), a -> bool(a.equals(BigInteger.ONE)));
        }
    }

    // ---- shifts ----

    /** Logical shifts by a constant or a signal; {@code sra} copies the top bit whatever the type. */
    private static BigInteger shiftLeft(BigInteger a, BigInteger amount, int w) {
        return amount.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : bits(a, w).shiftLeft(amount.intValueExact());
    }

    private static BigInteger shiftRight(BigInteger a, BigInteger amount, int w) {
        return amount.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : bits(a, w).shiftRight(amount.intValueExact());
    }

    private static BigInteger shiftRightArithmetic(BigInteger a, BigInteger amount, int w) {
        BigInteger topBitCopied = signedValue(bits(a, w), w);
        return topBitCopied.shiftRight(amount.min(BigInteger.valueOf(w)).intValueExact());
    }

    @Test
    void shiftsByAConstantKeepTheWidth() {
        for (HwType t : allTypes()) {
            int w = t.width();
            List<BigInteger> values = samples(t, 6);
            for (int amount : new int[] {0, 1, w - 1, w, w + 5, 1 << 20, Integer.MAX_VALUE}) {
                BigInteger by = BigInteger.valueOf(amount);
                expectUnary(unary("shl " + amount, t, a -> a.shl(amount)), t, values, a -> shiftLeft(a, by, w));
                expectUnary(unary("shr " + amount, t, a -> a.shr(amount)), t, values, a -> shiftRight(a, by, w));
                expectUnary(unary("sra " + amount, t, a -> a.sra(amount)), t, values, a -> shiftRightArithmetic(a, by, w));
            }
        }
    }

    @Test
    void shiftsByASignalAmountOfAnyWidth() {
        for (HwType t : allTypes()) {
            int w = t.width();
            List<BigInteger> values = samples(t, 4);
            for (int amountWidth : new int[] {1, 3, 8, 64, 100}) {
                HwType amountType = HwType.uint(amountWidth);
                List<BigInteger> amounts = new ArrayList<>(List.of(BigInteger.ZERO, max(amountType)));
                for (BigInteger a : List.of(BigInteger.valueOf(w - 1), BigInteger.valueOf(w), BigInteger.valueOf(w + 5))) {
                    if (a.compareTo(max(amountType)) <= 0) {
                        amounts.add(a);
                    }
                }
                amounts.add(TWO.pow(amountWidth - 1));
                expect(binary("shl", t, amountType, Signal::shl), t, values, amounts, (a, by) -> shiftLeft(a, by, w));
                expect(binary("shr", t, amountType, Signal::shr), t, values, amounts, (a, by) -> shiftRight(a, by, w));
                expect(binary("sra", t, amountType, Signal::sra), t, values, amounts, (a, by) -> shiftRightArithmetic(a, by, w));
            }
        }
    }

    // ---- widths and bits ----

    @Test
    void extensionKeepsTheSignednessAndChoosesTheFill() {
        for (HwType t : allTypes()) {
            int w = t.width();
            List<BigInteger> values = samples(t, 6);
            for (int to : new int[] {w, w + 1, w + 63, 200}) {
                HwType wide = like(t, to);
                expectUnary(unary("zext " + to, t, a -> a.zext(to)), wide, values, a -> bits(a, w));
                expectUnary(unary("sext " + to, t, a -> a.sext(to)), wide, values, a -> signedValue(bits(a, w), w));
                expectUnary(unary("resize " + to, t, a -> a.resize(to)), wide, values, a -> a);
            }
        }
    }

    @Test
    void truncationKeepsTheLowBits() {
        for (HwType t : allTypes()) {
            int w = t.width();
            List<BigInteger> values = samples(t, 6);
            for (int to : new int[] {1, (w + 1) / 2, w}) {
                expectUnary(unary("trunc " + to, t, a -> a.trunc(to)), like(t, to), values, a -> a);
                expectUnary(unary("resize " + to, t, a -> a.resize(to)), like(t, to), values, a -> a);
            }
        }
    }

    @Test
    void slicesAndSingleBitsAreUnsigned() {
        for (HwType t : allTypes()) {
            int w = t.width();
            List<BigInteger> values = samples(t, 6);
            int[][] ranges = {{w - 1, 0}, {0, 0}, {w - 1, w - 1}, {w - 1, w / 2}, {(w - 1) / 2, (w - 1) / 3}};
            for (int[] range : ranges) {
                int hi = range[0];
                int lo = range[1];
                expectUnary(unary("bits " + hi + ":" + lo, t, a -> a.bits(hi, lo)), HwType.uint(hi - lo + 1), values,
                        a -> bits(a, w).shiftRight(lo));
            }
            for (int index : new int[] {0, w / 2, w - 1}) {
                expectUnary(unary("bit " + index, t, a -> a.bit(index)), HwType.bool(), values, a -> bool(bits(a, w).testBit(index)));
            }
            expectUnary(unary("msb", t, Signal::msb), HwType.bool(), values, a -> bool(bits(a, w).testBit(w - 1)));
        }
    }

    @Test
    void reinterpretationKeepsTheBits() {
        for (HwType t : allTypes()) {
            int w = t.width();
            expectUnary(unary("asSInt", t, Signal::asSInt), HwType.sint(w), samples(t, 6), a -> a);
            expectUnary(unary("asUInt", t, Signal::asUInt), HwType.uint(w), samples(t, 6), a -> a);
        }
        expectUnary(unary("asBool", HwType.uint(1), Signal::asBool), HwType.bool(), samples(HwType.uint(1), 0), a -> a);
    }

    @Test
    void concatenationPutsTheFirstPartOnTop() {
        for (HwType ta : allTypes()) {
            for (HwType tb : allTypes()) {
                int wb = tb.width();
                expect(binary("cat", ta, tb, Signals::cat), HwType.uint(ta.width() + wb),
                        samples(ta, 2), samples(tb, 2), (a, b) -> bits(a, ta.width()).shiftLeft(wb).or(bits(b, wb)));
            }
        }
    }

    @Test
    void muxExtendsTheNarrowerBranchBySignedness() {
        for (HwType ta : allTypes()) {
            for (int wb : WIDTHS) {
                HwType tb = like(ta, wb);
                HwType result = like(ta, Math.max(ta.width(), wb));
                List<BigInteger> as = samples(ta, 3);
                List<BigInteger> bs = samples(tb, 3);
                Probe pick = binary("mux", ta, tb, (a, b) -> Signals.mux(a.orR(), a, b));
                expect(pick, result, as, bs, (a, b) -> a.signum() != 0 ? a : b);
            }
        }
    }

    // ---- Bool ----

    @Test
    void boolsStayBoolInLogicAndBecomeUIntInArithmetic() {
        HwType b = HwType.bool();
        List<BigInteger> values = List.of(BigInteger.ZERO, BigInteger.ONE);
        expect(binary("and", b, b, Signal::and), b, values, values, BigInteger::and);
        expect(binary("or", b, b, Signal::or), b, values, values, BigInteger::or);
        expect(binary("xor", b, b, Signal::xor), b, values, values, BigInteger::xor);
        expectUnary(unary("not", b, Signal::not), b, values, BigInteger::not);
        expect(binary("add", b, b, Signal::add), HwType.uint(1), values, values, BigInteger::add);
        expect(binary("addWide", b, b, Signal::addWide), HwType.uint(2), values, values, BigInteger::add);
        expect(binary("and with UInt(1)", b, HwType.uint(1), Signal::and), HwType.uint(1), values, values, BigInteger::and);
        expect(binary("and with UInt(4)", b, HwType.uint(4), Signal::and), HwType.uint(4), values, samples(HwType.uint(4), 4),
                BigInteger::and);
        expectUnary(unary("zext", b, a -> a.zext(8)), HwType.uint(8), values, a -> a);
    }

    // ---- literals ----

    @Test
    void literalsHoldTheirValueAtEveryWidth() {
        for (HwType t : allTypes()) {
            for (BigInteger v : samples(t, 4)) {
                ModuleDef top = Elaborator.elaborate(() -> new Component() {{
                    Output y = output("y", t);
                    y.set(lit(v, t));
                }}).top();
                Bits value = ExprEvaluator.evaluate(top.assigns().get(top.port("y")), net -> {
                    throw new IllegalStateException("a literal reads no net");
                });
                assertEquals(bits(v, t.width()), value.toUnsigned(), "literal " + v + " of " + t);
            }
        }
    }
}
