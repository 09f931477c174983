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

    /**
     * Each node's {@link #FIELDS} ints, node after node: its slot ({@code D}), its operands' slots
     * ({@code A}, {@code B}, {@code C}), and its parameters ({@code W}, {@code X}: the operands' widths, or a
     * slice's or extension's width and low bit or source width; {@code S}: 1 when signed). One array rather
     * than one per field: fewer loads and checks per node, which counts most in the many batches of one node
     * that small designs have.
     */
    private static final int D = 0, A = 1, B = 2, C = 3, W = 4, X = 5, S = 6, FIELDS = 7;

    private final Object operator;
    private int[] nodes = new int[4 * FIELDS];
    private int length;

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
        if (length + FIELDS > nodes.length) {
            nodes = Arrays.copyOf(nodes, 2 * nodes.length);
        }
        int[] operands = node.operands();
        int[] p = nodes;
        int k = length;
        p[k + D] = slot;
        p[k + A] = layout.offset(operands[0]);
        p[k + B] = operands.length > 1 ? layout.offset(operands[1]) : -1;
        p[k + C] = operands.length > 2 ? layout.offset(operands[2]) : -1;
        p[k + W] = netlist.width(operands[0]);
        p[k + X] = operands.length > 1 ? netlist.width(operands[1]) : 0;
        if (node instanceof Node.Binary b) {
            p[k + S] = b.signed() ? 1 : 0;
        } else if (node instanceof Node.Slice s) {
            p[k + W] = s.width();
            p[k + X] = s.low();
        } else if (node instanceof Node.Extend x) {
            p[k + W] = x.width();
            p[k + X] = netlist.width(x.operand());
            p[k + S] = x.signed() ? 1 : 0;
        }
        length += FIELDS;
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
        int[] p = Arrays.copyOf(nodes, length);
        int n = length;
        return switch (op) {
            case ADD -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.add(v[p[k + A]], v[p[k + B]], p[k + W]); };
            case SUB -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.sub(v[p[k + A]], v[p[k + B]], p[k + W]); };
            case MUL -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.mul(v[p[k + A]], p[k + W], v[p[k + B]], p[k + X], p[k + S] != 0); };
            case AND -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.and(v[p[k + A]], v[p[k + B]]); };
            case OR -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.or(v[p[k + A]], v[p[k + B]]); };
            case XOR -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.xor(v[p[k + A]], v[p[k + B]]); };
            case EQ -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.eq(v[p[k + A]], v[p[k + B]], p[k + W]); };
            case NE -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.ne(v[p[k + A]], v[p[k + B]], p[k + W]); };
            case LT -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.lt(v[p[k + A]], v[p[k + B]], p[k + W], p[k + S] != 0); };
            case LE -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.le(v[p[k + A]], v[p[k + B]], p[k + W], p[k + S] != 0); };
            case GT -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.gt(v[p[k + A]], v[p[k + B]], p[k + W], p[k + S] != 0); };
            case GE -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.ge(v[p[k + A]], v[p[k + B]], p[k + W], p[k + S] != 0); };
            case SHL -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.shl(v[p[k + A]], v[p[k + B]], p[k + W]); };
            case SHR -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.shr(v[p[k + A]], v[p[k + B]], p[k + W]); };
            case SRA -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.sra(v[p[k + A]], v[p[k + B]], p[k + W]); };
        };
    }

    private Step unary(UnaryOp op) {
        int[] p = Arrays.copyOf(nodes, length);
        int n = length;
        return switch (op) {
            case NOT -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.not(v[p[k + A]], p[k + W]); };
            case NEG -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.neg(v[p[k + A]], p[k + W]); };
            case AND_REDUCE -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.andReduce(v[p[k + A]], p[k + W]); };
            case OR_REDUCE -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.orReduce(v[p[k + A]]); };
            case XOR_REDUCE -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.xorReduce(v[p[k + A]]); };
        };
    }

    private Step shape(Shape shape) {
        int[] p = Arrays.copyOf(nodes, length);
        int n = length;
        return switch (shape) {
            case MUX -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.mux(v[p[k + A]], v[p[k + B]], v[p[k + C]]); };
            case SLICE -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.slice(v[p[k + A]], p[k + X], p[k + W]); };
            case SLICE_OF_WIDE -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = WideOps.extract(v, p[k + A], p[k + X], p[k + W]); };
            case EXTEND -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = NarrowOps.extend(v[p[k + A]], p[k + X], p[k + W], p[k + S] != 0); };
            case COPY -> v -> { for (int k = 0; k < n; k += FIELDS) v[p[k + D]] = v[p[k + A]]; };
        };
    }
}
