package dev.tern.sim;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Mem;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Small designs written with the DSL that exercise every operator, width class, kind of state and hierarchy. */
final class TestDesigns {
    private TestDesigns() {
    }

    /**
     * Every operator at each width, on inputs {@code aW} and {@code bW}, unsigned and signed; shifts by
     * constants below and beyond the width, by an 8-bit signal and by a 70-bit signal. Combinational.
     */
    static final class OperatorZoo extends Component {
        OperatorZoo(int... widths) {
            Input amount = input("amount", uint(8));
            Input wideAmount = input("wide_amount", uint(70));
            Signal previous = null;
            List<Signal> parts = new ArrayList<>();
            for (int w : widths) {
                Input a = input("a" + w, uint(w));
                Input b = input("b" + w, uint(w));
                Signal sa = a.asSInt();
                Signal sb = b.asSInt();
                out("add" + w, a.add(b));
                out("sub" + w, a.sub(b));
                out("addw" + w, a.addWide(b));
                out("ssubw" + w, sa.subWide(sb));
                out("mul" + w, a.mul(b));
                out("smul" + w, sa.mul(sb));
                out("and" + w, a.and(b));
                out("or" + w, a.or(b));
                out("xor" + w, a.xor(b));
                out("inv" + w, a.not());
                out("neg" + w, sa.neg());
                out("eq" + w, a.eq(b));
                out("ne" + w, a.ne(b));
                out("lt" + w, a.lt(b));
                out("le" + w, a.le(b));
                out("gt" + w, a.gt(b));
                out("ge" + w, a.ge(b));
                out("slt" + w, sa.lt(sb));
                out("sle" + w, sa.le(sb));
                out("sgt" + w, sa.gt(sb));
                out("sge" + w, sa.ge(sb));
                out("shl3_" + w, a.shl(3));
                out("shr3_" + w, a.shr(3));
                out("sra3_" + w, sa.sra(3));
                out("shlbig" + w, a.shl(w + 5));
                out("shrbig" + w, a.shr(w + 5));
                out("srabig" + w, sa.sra(w + 5));
                out("shlv" + w, a.shl(amount));
                out("shrv" + w, a.shr(amount));
                out("srav" + w, sa.sra(amount));
                out("srau" + w, a.sra(amount));
                out("shlw" + w, a.shl(wideAmount));
                out("shrw" + w, a.shr(wideAmount));
                out("sraw" + w, sa.sra(wideAmount));
                out("andr" + w, a.andR());
                out("orr" + w, a.orR());
                out("xorr" + w, a.xorR());
                out("top" + w, a.bits(w - 1, w / 2));
                out("bit0_" + w, a.bit(0));
                out("cat" + w, cat(a, b));
                out("cat3_" + w, cat(b.bit(w - 1), a, b.bits(0, 0)));
                out("mux" + w, mux(a.lt(b), a, b));
                out("muxz" + w, mux(a.bit(0), b, lit(0, uint(w))));
                out("muxzt" + w, mux(a.bit(0), lit(0, uint(w)), b));
                if (w >= 8) {
                    out("mid" + w, a.bits(w / 2 + 3, w / 2 - 4));
                }
                out("smux" + w, mux(b.bit(0), sa, sb));
                out("zext" + w, a.zext(w + 70));
                out("sext" + w, sa.sext(w + 70));
                out("trunc" + w, sa.trunc(Math.max(1, w / 2)));
                out("addsh" + w, a.add(b.shl(amount)).xor(a.sra(b.bits(Math.min(w, 7) - 1, 0))));
                if (previous != null) {
                    out("mulx" + w, previous.mul(b));
                    out("smulx" + w, previous.asSInt().mul(sa));
                }
                previous = a;
                parts.add(a);
                parts.add(b.bit(0));
            }
            out("manycat", cat(parts.toArray(new Signal[0])));
        }

        private void out(String name, Signal value) {
            Output o = output(name, value.type());
            o.set(value);
        }
    }

    /** A clocked counter with enable and an increment; a combinational output as well. */
    static final class Accumulator extends Component {
        final Input enable = input("enable", bool());
        final Input increment;
        final Output total;
        final Output doubled;

        Accumulator(int width) {
            parameter("width", width);
            increment = input("increment", uint(width));
            total = output("total", uint(width));
            doubled = output("doubled", uint(width + 1));
            Reg value = reg("value", uint(width), 3);
            when(enable, () -> value.set(value.add(increment)));
            total.set(value);
            doubled.set(value.addWide(increment));
        }
    }

    /**
     * Registers of widths 1, 63, 64, 65, 128 and 130 with and without reset and enable; a signed
     * accumulator; a register swap and a shift chain (state read at the edge that overwrites it);
     * memories of 8, 33 and 130 bits with two write ports, enabled reads and an init; two instances of
     * a clocked submodule.
     */
    static final class StatefulMix extends Component {
        StatefulMix() {
            Input data = input("data", uint(130));
            Input sel = input("sel", uint(8));
            Input addrA = input("addr_a", uint(4));
            Input addrB = input("addr_b", uint(4));
            Input weA = input("we_a", bool());
            Input weB = input("we_b", bool());
            Input re = input("re", bool());

            for (int w : new int[] {1, 63, 64, 65, 128, 130}) {
                Reg withReset = reg("r" + w, uint(w), BigInteger.ONE.shiftLeft(w - 1).add(BigInteger.ONE).subtract(w == 1 ? BigInteger.ONE : BigInteger.ZERO));
                Reg plain = reg("q" + w, uint(w));
                Signal slice = data.bits(w - 1, 0);
                when(sel.bit(w % 8), () -> withReset.set(withReset.add(slice)));
                plain.set(plain.xor(slice).shr(sel.bits(2, 0)).or(withReset.and(slice)));
                output("o" + w, uint(w)).set(withReset.xor(plain));
                output("sum" + w, uint(w + 1)).set(withReset.addWide(plain));
            }
            Reg acc = reg("acc", sint(20), -5);
            acc.set(acc.add(data.bits(7, 0).asSInt().sext(20)).sra(sel.bits(1, 0)));
            output("acc_out", sint(20)).set(acc);
            output("acc_neg", bool()).set(acc.lt(lit(0, sint(20))));

            Reg x = reg("x", uint(9), 1);
            Reg y = reg("y", uint(9), 2);
            when(sel.bit(3), () -> {
                x.set(y);
                y.set(x);
            }).otherwise(() -> x.set(data.bits(8, 0)));
            Reg s0 = reg("s0", uint(8));
            Reg s1 = reg("s1", uint(8));
            Reg s2 = reg("s2", uint(8));
            s0.set(data.bits(15, 8));
            s1.set(s0);
            s2.set(s1.add(s0));
            output("xy", uint(18)).set(cat(x, y));
            output("chain", uint(8)).set(s2);

            Mem narrow = memory("narrow", 16, uint(8));
            narrow.write(addrA, data.bits(7, 0), weA);
            narrow.write(addrB, data.bits(15, 8), weB);
            output("narrow_a", uint(8)).set(narrow.read(addrA));
            output("narrow_b", uint(8)).set(narrow.read(addrB, re));

            Mem mid = memory("mid", 8, uint(33));
            when(weB, () -> mid.write(addrA.bits(2, 0), data.bits(40, 8)));
            output("mid_out", uint(33)).set(mid.read(addrB.bits(2, 0), re.not()));

            List<BigInteger> init = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                init.add(BigInteger.ONE.shiftLeft(129).subtract(BigInteger.valueOf(7L * i + 1)));
            }
            Mem wide = memory("wide", 4, uint(130)).init(init);
            wide.write(addrA.bits(1, 0), data, weA.and(weB));
            Signal wideWord = wide.read(addrB.bits(1, 0));
            output("wide_out", uint(130)).set(wideWord);
            output("wide_hi", uint(64)).set(wideWord.bits(129, 66));

            Accumulator left = instance("u_left", new Accumulator(12));
            left.enable.set(weA);
            left.increment.set(data.bits(11, 0));
            Accumulator right = instance("u_right", new Accumulator(12));
            right.enable.set(left.total.bit(0));
            right.increment.set(left.doubled.bits(11, 0));
            output("left_total", uint(12)).set(left.total);
            output("right_doubled", uint(13)).set(right.doubled);

            List<Signal> lanes = new ArrayList<>();
            for (int lane = 0; lane < 40; lane++) {
                lanes.add(data.bits(3 * lane + 2, 3 * lane).xor(sel.bits(2, 0)));
            }
            Reg packed = reg("lanes_reg", uint(120));
            packed.set(cat(lanes.toArray(new Signal[0])));
            output("packed_out", uint(120)).set(packed);
        }
    }

    /**
     * Registers of the same shape in lanes, as the compiled engine updates them in loops, and two kinds it
     * must leave to scalar code: 16 accumulators with a common enable and reset, each adding its own byte of
     * a wide input (a loop reading the registers it writes, lane for lane); taps reading a 17-register chain
     * in which each register adds to the one before, which puts the chain's registers in consecutive slots one
     * place from what each reads (as a loop the chain would read values it has just overwritten); a rotation through 16 registers under a common
     * load (its lanes read their registers in an order no layout makes consecutive); two rows of 16 registers
     * each picking its own byte of the same input (one slot cannot be two lanes of one loop: a loop per row);
     * 16 registers mixing their byte with the first of them, which the loop overwrites in its first lane.
     */
    static final class LaneShapes extends Component {
        static final int LANES = 16;

        LaneShapes() {
            Input bytes = input("bytes", uint(8 * LANES));
            Input accumulate = input("accumulate", bool());
            Input shiftIn = input("shift_in", uint(4));
            Input scale = input("scale", uint(4));
            Input load = input("load", bool());
            List<Signal> observed = new ArrayList<>();
            for (int i = 0; i < LANES; i++) {
                Reg acc = reg("acc" + i, sint(12), 0);
                acc.enableWhen(accumulate);
                acc.set(acc.add(bytes.bits(8 * i + 7, 8 * i).asSInt().sext(12)));
                observed.add(acc.asUInt());
            }
            List<Reg> chain = new ArrayList<>();
            for (int i = 0; i <= LANES; i++) {
                chain.add(reg("chain" + i, uint(4)));
            }
            chain.get(0).set(shiftIn);
            for (int i = 1; i <= LANES; i++) {
                chain.get(i).set(chain.get(i - 1).add(scale));
            }
            for (int i = 0; i <= LANES; i++) {
                Reg tap = reg("tap" + i, uint(4));
                tap.set(chain.get(i).xor(scale));
                observed.add(tap);
            }
            List<Reg> ring = new ArrayList<>();
            for (int i = 0; i < LANES; i++) {
                ring.add(reg("ring" + i, uint(4), 0));
            }
            for (int i = 0; i < LANES; i++) {
                ring.get(i).set(mux(load, bytes.bits(8 * i + 3, 8 * i), ring.get((i + 1) % LANES)));
                observed.add(ring.get(i));
            }
            Input select = input("select", uint(2 * LANES));
            for (int row = 0; row < 2; row++) {
                for (int i = 0; i < LANES; i++) {
                    Reg picked = reg("row" + row + "_" + i, uint(8));
                    picked.set(mux(select.bit(row * LANES + i), bytes.bits(8 * i + 7, 8 * i), lit(0, uint(8))));
                    observed.add(picked);
                }
            }
            Reg first = null;
            for (int i = 0; i < LANES; i++) {
                Reg mixed = reg("mix" + i, uint(8));
                first = first == null ? mixed : first;
                mixed.set(first.xor(bytes.bits(8 * i + 7, 8 * i)));
                observed.add(mixed);
            }
            Input flagBits = input("flags", uint(4 * LANES));
            Input others = input("others", uint(8 * LANES));
            for (int row = 0; row < 2; row++) {
                List<Reg> plus = new ArrayList<>();
                List<Reg> minus = new ArrayList<>();
                for (int i = 0; i < LANES; i++) {
                    plus.add(reg("plus" + row + "_" + i, bool()));
                    plus.get(i).set(flagBits.bit(row * 2 * LANES + i));
                    minus.add(reg("minus" + row + "_" + i, bool()));
                    minus.get(i).set(flagBits.bit(row * 2 * LANES + LANES + i).not());
                    observed.add(plus.get(i));
                }
                for (int i = 0; i < LANES; i++) {
                    observed.add(signedPairSum("pair" + row + "_" + i, bytes.bits(8 * i + 7, 8 * i).asSInt(),
                            others.bits(8 * i + 7, 8 * i).asSInt(),
                            plus.get(i), minus.get(i)).asUInt());
                }
            }
            output("all", uint(observed.stream().mapToInt(Signal::width).sum())).set(cat(observed.toArray(new Signal[0])));
        }

        /**
         * A register of a long expression of one lane (more operators than one loop takes), with a slice of a value
         * it computes, reading flags that another group of registers holds: the shape of a matrix unit's adders.
         */
        private Reg signedPairSum(String name, Signal x, Signal y, Signal plus, Signal minus) {
            Signal flipped = y.sext(10).xor(plus.asSInt().sext(10));
            Signal half = x.sext(10).add(flipped).bits(9, 1).asSInt();
            Signal difference = half.sext(12).sub(x.sext(12)).xor(minus.asSInt().sext(12));
            Signal total = difference.add(y.sext(12));
            Signal again = total.bits(11, 2).asSInt().sext(12).add(half.sext(12)).xor(plus.asSInt().sext(12));
            Reg sum = reg(name, sint(12));
            sum.set(again.sub(total));
            return sum;
        }
    }
}
