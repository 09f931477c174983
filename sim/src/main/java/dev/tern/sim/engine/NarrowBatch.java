package dev.tern.sim.engine;

import dev.tern.hdl.ir.BinaryOp;
import dev.tern.hdl.ir.UnaryOp;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;
import dev.tern.sim.ops.NarrowOps;
import dev.tern.sim.ops.WideOps;

import java.util.Arrays;

/**
 * Nodes of one operator, each value and operand at most 64 bits, none reading another's value, run as
 * one loop with one iteration per node: one dispatch per batch instead of one per node, and a loop whose
 * operator call the JIT inlines. The nodes of one level of the netlist (as the lanes of a tree level)
 * form such batches.
 */
final class NarrowBatch {
    /** The operators other than {@link BinaryOp} and {@link UnaryOp} that a batch runs. */
    enum Shape {
        MUX, SLICE, SLICE_OF_WIDE, EXTEND, COPY
    }

    private final Object operator;
    private int size;
    /** Per node: its slot, its operands' slots, and its parameters (widths, a slice's low bit, signedness). */
    private int[] dest = new int[4];
    private int[] first = new int[4];
    private int[] second = new int[4];
    private int[] third = new int[4];
    private int[] width = new int[4];
    private int[] extra = new int[4];
    private boolean[] signed = new boolean[4];

    NarrowBatch(Object operator) {
        this.operator = operator;
    }

    /**
     * The operator of a batch that can run {@code node}: its {@link BinaryOp}, its {@link UnaryOp} or a
     * {@link Shape}; null for nodes with a wide value or operand, and for concatenations.
     */
    static Object operatorOf(Node node, FlatNetlist netlist) {
        if (node instanceof Node.Unary u) {
            return netlist.width(u.operand()) <= 64 ? u.op() : null;
        }
        if (node instanceof Node.Binary b) {
            boolean narrow = b.op() == BinaryOp.MUL ? b.width() <= 64
                    : netlist.width(b.left()) <= 64 && netlist.width(b.right()) <= 64;
            return narrow ? b.op() : null;
        }
        if (node.width() > 64) {
            return null;
        }
        if (node instanceof Node.Mux) {
            return Shape.MUX;
        }
        if (node instanceof Node.Slice s) {
            return netlist.width(s.operand()) <= 64 ? Shape.SLICE : Shape.SLICE_OF_WIDE;
        }
        if (node instanceof Node.Extend) {
            return Shape.EXTEND;
        }
        return node instanceof Node.Copy ? Shape.COPY : null;
    }

    /** Adds a node whose {@link #operatorOf} is this batch's operator. */
    void add(Node node, FlatNetlist netlist, SlotLayout layout, int slot) {
        if (size == dest.length) {
            grow();
        }
        int[] operands = node.operands();
        dest[size] = slot;
        first[size] = layout.offset(operands[0]);
        second[size] = operands.length > 1 ? layout.offset(operands[1]) : -1;
        third[size] = operands.length > 2 ? layout.offset(operands[2]) : -1;
        width[size] = netlist.width(operands[0]);
        extra[size] = operands.length > 1 ? netlist.width(operands[1]) : 0;
        if (node instanceof Node.Binary b) {
            signed[size] = b.signed();
        } else if (node instanceof Node.Slice s) {
            width[size] = s.width();
            extra[size] = s.low();
        } else if (node instanceof Node.Extend x) {
            width[size] = x.width();
            extra[size] = netlist.width(x.operand());
            signed[size] = x.signed();
        }
        size++;
    }

    private void grow() {
        int n = 2 * dest.length;
        dest = Arrays.copyOf(dest, n);
        first = Arrays.copyOf(first, n);
        second = Arrays.copyOf(second, n);
        third = Arrays.copyOf(third, n);
        width = Arrays.copyOf(width, n);
        extra = Arrays.copyOf(extra, n);
        signed = Arrays.copyOf(signed, n);
    }

    /** The loop over the nodes added so far. */
    Step step() {
        if (operator instanceof BinaryOp op) {
            return binary(op);
        }
        if (operator instanceof UnaryOp op) {
            return unary(op);
        }
        return shape((Shape) operator);
    }

    private Step binary(BinaryOp op) {
        int n = size;
        int[] d = dest;
        int[] l = first;
        int[] r = second;
        int[] w = width;
        int[] wr = extra;
        boolean[] s = signed;
        return switch (op) {
            case ADD -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.add(v[l[i]], v[r[i]], w[i]); };
            case SUB -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.sub(v[l[i]], v[r[i]], w[i]); };
            case MUL -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.mul(v[l[i]], w[i], v[r[i]], wr[i], s[i]); };
            case AND -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.and(v[l[i]], v[r[i]]); };
            case OR -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.or(v[l[i]], v[r[i]]); };
            case XOR -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.xor(v[l[i]], v[r[i]]); };
            case EQ -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.eq(v[l[i]], v[r[i]], w[i]); };
            case NE -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.ne(v[l[i]], v[r[i]], w[i]); };
            case LT -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.lt(v[l[i]], v[r[i]], w[i], s[i]); };
            case LE -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.le(v[l[i]], v[r[i]], w[i], s[i]); };
            case GT -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.gt(v[l[i]], v[r[i]], w[i], s[i]); };
            case GE -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.ge(v[l[i]], v[r[i]], w[i], s[i]); };
            case SHL -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.shl(v[l[i]], v[r[i]], w[i]); };
            case SHR -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.shr(v[l[i]], v[r[i]], w[i]); };
            case SRA -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.sra(v[l[i]], v[r[i]], w[i]); };
        };
    }

    private Step unary(UnaryOp op) {
        int n = size;
        int[] d = dest;
        int[] a = first;
        int[] w = width;
        return switch (op) {
            case NOT -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.not(v[a[i]], w[i]); };
            case NEG -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.neg(v[a[i]], w[i]); };
            case AND_REDUCE -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.andReduce(v[a[i]], w[i]); };
            case OR_REDUCE -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.orReduce(v[a[i]]); };
            case XOR_REDUCE -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.xorReduce(v[a[i]]); };
        };
    }

    private Step shape(Shape shape) {
        int n = size;
        int[] d = dest;
        int[] a = first;
        int[] b = second;
        int[] c = third;
        int[] w = width;
        int[] x = extra;
        boolean[] s = signed;
        return switch (shape) {
            case MUX -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.mux(v[a[i]], v[b[i]], v[c[i]]); };
            case SLICE -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.slice(v[a[i]], x[i], w[i]); };
            case SLICE_OF_WIDE -> v -> { for (int i = 0; i < n; i++) v[d[i]] = WideOps.extract(v, a[i], x[i], w[i]); };
            case EXTEND -> v -> { for (int i = 0; i < n; i++) v[d[i]] = NarrowOps.extend(v[a[i]], x[i], w[i], s[i]); };
            case COPY -> v -> { for (int i = 0; i < n; i++) v[d[i]] = v[a[i]]; };
        };
    }
}
