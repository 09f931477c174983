package dev.tern.sim.engine;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;
import dev.tern.sim.ops.NarrowOps;
import dev.tern.sim.ops.WideOps;

import java.util.Arrays;

/**
 * The interpreter's steps for the nodes no {@link NarrowBatch} runs, one step per node: those with a
 * value or operand wider than 64 bits, and concatenations.
 */
final class WideSteps {
    private final FlatNetlist netlist;
    private final SlotLayout layout;

    WideSteps(FlatNetlist netlist, SlotLayout layout) {
        this.netlist = netlist;
        this.layout = layout;
    }

    /** The step computing {@code node} into its slot. */
    Step step(Node node, int d) {
        int w = node.width();
        if (node instanceof Node.Unary u) {
            return unary(u, d);
        }
        if (node instanceof Node.Binary b) {
            return binary(b, d);
        }
        if (node instanceof Node.Mux m) {
            int s = slot(m.select());
            int t = slot(m.whenTrue());
            int f = slot(m.whenFalse());
            return v -> WideOps.copy(v, d, v[s] != 0 ? t : f, w);
        }
        if (node instanceof Node.Concat c) {
            return concat(c, d);
        }
        if (node instanceof Node.Slice s) {
            int a = slot(s.operand());
            int low = s.low();
            return v -> WideOps.slice(v, d, a, low, w);
        }
        if (node instanceof Node.Extend x) {
            int a = slot(x.operand());
            int from = width(x.operand());
            boolean signed = x.signed();
            return v -> WideOps.extend(v, d, w, a, from, signed);
        }
        if (node instanceof Node.Copy copy) {
            int a = slot(copy.operand());
            return v -> WideOps.copy(v, d, a, w);
        }
        throw new IllegalStateException("no step computes " + node);
    }

    private Step unary(Node.Unary u, int d) {
        int a = slot(u.operand());
        int w = width(u.operand());
        return switch (u.op()) {
            case NOT -> v -> WideOps.not(v, d, a, w);
            case NEG -> v -> WideOps.neg(v, d, a, w);
            case AND_REDUCE -> v -> v[d] = WideOps.andReduce(v, a, w);
            case OR_REDUCE -> v -> v[d] = WideOps.orReduce(v, a, w);
            case XOR_REDUCE -> v -> v[d] = WideOps.xorReduce(v, a, w);
        };
    }

    private Step binary(Node.Binary b, int d) {
        int l = slot(b.left());
        int r = slot(b.right());
        int w = width(b.left());
        int wr = width(b.right());
        boolean s = b.signed();
        if (b.op().isShift()) {
            boolean wideAmount = wr > 64;
            if (w <= 64) {
                return switch (b.op()) {
                    case SHL -> v -> v[d] = NarrowOps.shl(v[l], WideOps.shiftAmount(v, r, wr), w);
                    case SHR -> v -> v[d] = NarrowOps.shr(v[l], WideOps.shiftAmount(v, r, wr), w);
                    default -> v -> v[d] = NarrowOps.sra(v[l], WideOps.shiftAmount(v, r, wr), w);
                };
            }
            return switch (b.op()) {
                case SHL -> v -> WideOps.shl(v, d, l, w, wideAmount ? WideOps.shiftAmount(v, r, wr) : v[r]);
                case SHR -> v -> WideOps.shr(v, d, l, w, wideAmount ? WideOps.shiftAmount(v, r, wr) : v[r]);
                default -> v -> WideOps.sra(v, d, l, w, wideAmount ? WideOps.shiftAmount(v, r, wr) : v[r]);
            };
        }
        return switch (b.op()) {
            case ADD -> v -> WideOps.add(v, d, l, r, w);
            case SUB -> v -> WideOps.sub(v, d, l, r, w);
            case MUL -> v -> WideOps.mul(v, d, l, w, r, wr, s);
            case AND -> v -> WideOps.and(v, d, l, r, w);
            case OR -> v -> WideOps.or(v, d, l, r, w);
            case XOR -> v -> WideOps.xor(v, d, l, r, w);
            case EQ -> v -> v[d] = WideOps.eq(v, l, r, w);
            case NE -> v -> v[d] = WideOps.ne(v, l, r, w);
            case LT -> v -> v[d] = WideOps.lt(v, l, r, w, s);
            case LE -> v -> v[d] = WideOps.le(v, l, r, w, s);
            case GT -> v -> v[d] = WideOps.gt(v, l, r, w, s);
            case GE -> v -> v[d] = WideOps.ge(v, l, r, w, s);
            default -> throw new IllegalStateException("shift handled above: " + b.op());
        };
    }

    private Step concat(Node.Concat c, int d) {
        int[] parts = c.parts();
        int[] slots = Arrays.stream(parts).map(this::slot).toArray();
        int[] widths = Arrays.stream(parts).map(this::width).toArray();
        int w = c.width();
        if (w <= 64) {
            return v -> {
                long acc = 0;
                for (int i = 0; i < slots.length; i++) {
                    acc = NarrowOps.concat(acc, v[slots[i]], widths[i]);
                }
                v[d] = acc;
            };
        }
        return v -> {
            WideOps.zero(v, d, w);
            int low = w;
            for (int i = 0; i < slots.length; i++) {
                low -= widths[i];
                WideOps.depositBits(v, slots[i], 0, d, low, widths[i]);
            }
        };
    }

    private int slot(int node) {
        return layout.offset(node);
    }

    private int width(int node) {
        return netlist.width(node);
    }
}
