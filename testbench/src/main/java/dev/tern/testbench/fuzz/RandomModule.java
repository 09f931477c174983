package dev.tern.testbench.fuzz;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Mem;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.Wire;
import dev.tern.hdl.ir.HwType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random, well-formed module written with the DSL: random ports, registers (with and without reset,
 * with and without enable), a memory, submodules, and operator nodes using every operator of the DSL
 * (arithmetic, bitwise, reductions, comparisons signed and unsigned, shifts by constants and by signals,
 * muxes, when blocks, concatenations, slices, extensions and conversions) at widths from 1 up to the
 * spec's limit, so on both sides of 64 bits.
 */
final class RandomModule extends Component {
    final List<Input> ins = new ArrayList<>();
    final List<Output> outs = new ArrayList<>();
    private final SplittableRandom random;
    private final FuzzSpec spec;
    private final String name;
    private final List<Signal> pool = new ArrayList<>();

    /**
     * @param level 1 for the top; a module below {@code spec.depth()} levels instantiates none
     * @param name  a path-like name unique within the design ({@code m}, {@code m_1}, {@code m_1_0})
     * @param nodeIds collects the id of every operator node ({@code m_1.n3}), cut or not
     */
    RandomModule(FuzzSpec spec, SplittableRandom random, int level, String name, List<String> nodeIds) {
        this.spec = spec;
        this.random = random;
        this.name = name;
        int inputs = 1 + random.nextInt(4);
        for (int i = 0; i < inputs; i++) {
            Input in = input("i" + i, randomType());
            ins.add(in);
            pool.add(in);
        }
        if (level < spec.depth()) {
            int children = 1 + random.nextInt(2);
            for (int c = 0; c < children; c++) {
                RandomModule child = instance("u" + c, new RandomModule(spec, random.split(), level + 1, name + "_" + c, nodeIds));
                for (Input in : child.ins) {
                    in.set(fit(pick(), in.type()));
                }
                pool.addAll(child.outs);
            }
        }
        List<Reg> registers = new ArrayList<>();
        int regs = random.nextInt(4);
        for (int r = 0; r < regs; r++) {
            HwType type = randomType();
            Reg reg = random.nextBoolean() ? reg("r" + r, type) : reg("r" + r, type, randomValue(type));
            registers.add(reg);
            pool.add(reg);
        }
        if (random.nextInt(3) == 0) {
            memory();
        }
        for (int n = 0; n < spec.nodes(); n++) {
            Signal node = node(n);
            String id = name + ".n" + n;
            nodeIds.add(id);
            pool.add(spec.cut().contains(id) ? lit(0, node.type()) : node);
        }
        for (Reg reg : registers) {
            switch (random.nextInt(3)) {
                case 0 -> reg.set(fit(pick(), reg.type()));
                case 1 -> {
                    reg.set(fit(pick(), reg.type()));
                    reg.enableWhen(condition());
                }
                default -> when(condition(), () -> reg.set(fit(pick(), reg.type())));
            }
        }
        int outputs = 1 + random.nextInt(3);
        for (int o = 0; o < outputs; o++) {
            Output out = output("o" + o, randomType());
            out.set(fit(pick(), out.type()));
            outs.add(out);
        }
    }

    @Override
    protected String moduleName() {
        return "Fuzz_" + Long.toUnsignedString(spec.seed(), 36) + "_" + name;
    }

    private void memory() {
        int depth = 1 << (1 + random.nextInt(4));
        HwType word = uint(1 + random.nextInt(spec.maxWidth()));
        Mem mem = memory("mem", depth, word);
        int addressWidth = Integer.numberOfTrailingZeros(depth);
        if (random.nextBoolean()) {
            mem.write(fit(pick(), uint(addressWidth)), fit(pick(), word), condition());
        } else {
            mem.write(fit(pick(), uint(addressWidth)), fit(pick(), word));
        }
        pool.add(random.nextBoolean() ? mem.read(fit(pick(), uint(addressWidth)), condition())
                : mem.read(fit(pick(), uint(addressWidth))));
    }

    private Signal node(int index) {
        Signal a = pick();
        Signal b = sameSignedness(pick(), a);
        Signal result = switch (random.nextInt(24)) {
            case 0 -> a.add(b);
            case 1 -> a.sub(b);
            case 2 -> limit(a.addWide(b));
            case 3 -> limit(a.subWide(b));
            case 4 -> limit(narrow(a, 65).mul(narrow(b, 65)));
            case 5 -> a.neg();
            case 6 -> a.and(b);
            case 7 -> a.or(b);
            case 8 -> a.xor(b);
            case 9 -> a.not();
            case 10 -> switch (random.nextInt(3)) {
                case 0 -> a.andR();
                case 1 -> a.orR();
                default -> a.xorR();
            };
            case 11 -> compare(a, b);
            case 12 -> shift(a, random.nextInt(a.width() + 2));
            case 13 -> shiftBySignal(a);
            case 14 -> mux(condition(), a, fit(b, a.type()));
            case 15 -> limit(cat(a, b));
            case 16 -> slice(a);
            case 17 -> a.bit(random.nextInt(a.width()));
            case 18 -> limit(random.nextBoolean() ? a.zext(a.width() + random.nextInt(8)) : a.sext(a.width() + random.nextInt(8)));
            case 19 -> a.type().signed() ? a.asUInt() : a.asSInt();
            case 20 -> a.add(smallValue(a.type()));
            case 21 -> a.xor(lit(randomValue(a.type()), a.type()));
            case 22 -> whenWire(index, a, b);
            default -> fit(a, randomType());
        };
        return random.nextInt(4) == 0 ? result.named("n" + index) : result;
    }

    private Signal compare(Signal a, Signal b) {
        Signal other = fit(b, a.type());
        return switch (random.nextInt(6)) {
            case 0 -> a.eq(other);
            case 1 -> a.ne(other);
            case 2 -> a.lt(other);
            case 3 -> a.le(other);
            case 4 -> a.gt(other);
            default -> a.ge(other);
        };
    }

    private Signal shift(Signal a, int amount) {
        return switch (random.nextInt(3)) {
            case 0 -> a.shl(amount);
            case 1 -> a.shr(amount);
            default -> a.sra(amount);
        };
    }

    private Signal shiftBySignal(Signal a) {
        Signal amount = fit(pick(), uint(1 + random.nextInt(9)));
        return switch (random.nextInt(3)) {
            case 0 -> a.shl(amount);
            case 1 -> a.shr(amount);
            default -> a.sra(amount);
        };
    }

    private Signal slice(Signal a) {
        int low = random.nextInt(a.width());
        int high = low + random.nextInt(a.width() - low);
        return a.bits(high, low);
    }

    /** A wire with a default, overridden in a when / else-when chain. */
    private Signal whenWire(int index, Signal a, Signal b) {
        Wire w = wire("w" + index, a.type(), a);
        Signal other = fit(b, a.type());
        Signal third = fit(pick(), a.type());
        if (random.nextBoolean()) {
            when(condition(), () -> w.set(other)).elseWhen(condition(), () -> w.set(third));
        } else {
            when(condition(), () -> w.set(other)).otherwise(() -> w.set(third));
        }
        return w;
    }

    private Signal condition() {
        Signal s = pick();
        return switch (random.nextInt(3)) {
            case 0 -> s.bit(random.nextInt(s.width()));
            case 1 -> s.orR();
            default -> s.xorR();
        };
    }

    private Signal pick() {
        // Recent signals more often, so that the logic grows deep rather than wide.
        int n = pool.size();
        int index = random.nextBoolean() ? n - 1 - random.nextInt(Math.min(n, 4)) : random.nextInt(n);
        return pool.get(index);
    }

    private HwType randomType() {
        int width = randomWidth();
        return switch (random.nextInt(5)) {
            case 0 -> bool();
            case 1, 2 -> sint(width);
            default -> uint(width);
        };
    }

    private int randomWidth() {
        int max = spec.maxWidth();
        return switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(Math.min(max, 8));
            case 1 -> Math.min(max, 60 + random.nextInt(10));
            case 2 -> Math.min(max, 125 + random.nextInt(6));
            default -> 1 + random.nextInt(max);
        };
    }

    private BigInteger randomValue(HwType type) {
        BigInteger bits = new BigInteger(type.width(), new java.util.Random(random.nextLong()));
        return type.signed() && bits.testBit(type.width() - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(type.width())) : bits;
    }

    /** A value of {@code type} that also fits a Java long (the DSL's integer operands). */
    private long smallValue(HwType type) {
        return randomValue(type.width() <= 62 ? type : type.withWidth(62)).longValue();
    }

    private Signal sameSignedness(Signal s, Signal like) {
        boolean signed = like.type().signed();
        if (s.type().signed() == signed) {
            return s;
        }
        return signed ? s.asSInt() : s.asUInt();
    }

    /** The signal converted to exactly {@code type}: signedness by reinterpretation, width by extension or truncation. */
    private Signal fit(Signal s, HwType type) {
        Signal v = s;
        if (type.kind() == HwType.Kind.BOOL) {
            return v.width() == 1 ? (v.type().kind() == HwType.Kind.BOOL ? v : v.asUInt().asBool()) : v.bit(random.nextInt(v.width()));
        }
        if (v.type().kind() == HwType.Kind.BOOL) {
            v = v.asUInt();
        }
        if (v.type().signed() != type.signed()) {
            v = type.signed() ? v.asSInt() : v.asUInt();
        }
        return v.resize(type.width());
    }

    /** Keeps intermediate values within the spec's width. */
    private Signal limit(Signal s) {
        return s.width() <= spec.maxWidth() ? s : s.trunc(1 + random.nextInt(spec.maxWidth()));
    }

    private Signal narrow(Signal s, int width) {
        return s.width() <= width ? s : s.trunc(width);
    }
}
