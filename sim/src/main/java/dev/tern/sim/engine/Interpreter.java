package dev.tern.sim.engine;

import dev.tern.hdl.ir.BinaryOp;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Node;
import dev.tern.sim.ops.NarrowOps;
import dev.tern.sim.ops.PackedBits;
import dev.tern.sim.ops.WideOps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference engine: every node has a slot, and each cycle runs one small step per node in
 * levelised order, calling the operator implementations in {@link NarrowOps} and {@link WideOps}.
 * Needs no compiler, starts at once, and is short enough to check by reading.
 */
public final class Interpreter implements Engine {
    /** One node's computation: reads its operands' slots, writes its own. */
    @FunctionalInterface
    private interface Step {
        void run(long[] v);
    }

    /** A register's slots; {@code enable} is -1 when it always loads, {@code reset} null without a reset value. */
    private record RegisterSlots(int state, int next, int enable, int words, long[] reset) {
    }

    /** A memory port's slots; {@code enable} is -1 when always enabled. */
    private record PortSlots(MemoryStore memory, int address, int data, int enable) {
    }

    private final FlatNetlist netlist;
    private final SlotLayout layout;
    private final SimState state;
    private final long[] v;
    private final Step[] steps;
    private final int resetSlot;
    private final PortSlots[] reads;
    private final PortSlots[] writes;
    private final RegisterSlots[] registers;
    private final PortFrame inputFrame;
    private final PortFrame outputFrame;

    private Interpreter(FlatNetlist netlist) {
        this.netlist = netlist;
        boolean[] all = new boolean[netlist.nodes().size()];
        Arrays.fill(all, true);
        this.layout = SlotLayout.assign(netlist, all);
        this.state = SimState.allocate(netlist, layout);
        this.v = state.values();
        List<Step> computed = new ArrayList<>();
        for (int i = 0; i < netlist.nodes().size(); i++) {
            Node node = netlist.node(i);
            if (!node.isLeaf() && !(node instanceof Node.Constant)) {
                computed.add(step(node, layout.offset(i)));
            }
        }
        this.steps = computed.toArray(Step[]::new);
        this.resetSlot = netlist.isClocked() ? layout.offset(netlist.resetNode()) : -1;
        MemoryStore[] memories = state.memories();
        this.reads = netlist.readPorts().stream()
                .map(r -> new PortSlots(memories[r.memory()], slot(r.address()), slot(r.data()), optionalSlot(r.enable())))
                .toArray(PortSlots[]::new);
        this.writes = netlist.writePorts().stream()
                .map(w -> new PortSlots(memories[w.memory()], slot(w.address()), slot(w.data()), optionalSlot(w.enable())))
                .toArray(PortSlots[]::new);
        this.registers = netlist.registers().stream().map(this::registerSlots).toArray(RegisterSlots[]::new);
        this.inputFrame = PortFrame.inputs(netlist, layout);
        this.outputFrame = PortFrame.outputs(netlist, layout);
    }

    private RegisterSlots registerSlots(FlatNetlist.Register reg) {
        int words = WideOps.words(width(reg.state()));
        long[] reset = null;
        if (reg.resetValue() != null) {
            reset = new long[words];
            PackedBits.store(reg.resetValue(), reset, 0);
        }
        return new RegisterSlots(slot(reg.state()), slot(reg.next()), optionalSlot(reg.enable()), words, reset);
    }

    private int optionalSlot(int node) {
        return node == FlatNetlist.NONE ? -1 : slot(node);
    }

    public static Interpreter create(FlatNetlist netlist) {
        return new Interpreter(netlist);
    }

    @Override
    public String name() {
        return "interpreter";
    }

    @Override
    public SlotLayout layout() {
        return layout;
    }

    @Override
    public SimState state() {
        return state;
    }

    @Override
    public void evaluateOutputs() {
        evaluate();
    }

    @Override
    public void evaluate() {
        for (Step step : steps) {
            step.run(v);
        }
    }

    @Override
    public void clockEdge(boolean evaluated) {
        if (!evaluated) {
            evaluate();
        }
        for (PortSlots r : reads) {
            if (r.enable < 0 || v[r.enable] != 0) {
                r.memory.read((int) v[r.address], v, r.data);
            }
        }
        for (PortSlots w : writes) {
            if (w.enable < 0 || v[w.enable] != 0) {
                w.memory.write((int) v[w.address], v, w.data);
            }
        }
        boolean reset = resetSlot >= 0 && v[resetSlot] != 0;
        for (RegisterSlots r : registers) {
            if (reset && r.reset != null) {
                System.arraycopy(r.reset, 0, v, r.state, r.words);
            } else if (r.enable < 0 || v[r.enable] != 0) {
                System.arraycopy(v, r.next, v, r.state, r.words);
            }
        }
    }

    /** One evaluation per cycle: the rising edge reuses the values the outputs were read from. */
    @Override
    public void runCycles(long[] inputs, int inputFrom, long[] outputs, int outputFrom, int cycles) {
        boolean clocked = netlist.isClocked();
        for (int c = 0; c < cycles; c++) {
            inputFrame.load(inputs, inputFrom + c * inputFrame.words(), v);
            evaluate();
            if (outputs != null) {
                outputFrame.store(v, outputs, outputFrom + c * outputFrame.words());
            }
            if (clocked) {
                clockEdge(true);
            }
        }
    }

    private int slot(int node) {
        return layout.offset(node);
    }

    private int width(int node) {
        return netlist.width(node);
    }

    private Step step(Node node, int d) {
        int w = node.width();
        if (node instanceof Node.Unary u) {
            return unary(u, d);
        }
        if (node instanceof Node.Binary b) {
            boolean wide = b.op() == BinaryOp.MUL ? w > 64 : width(b.left()) > 64;
            return wide ? wideBinary(b, d) : narrowBinary(b, d);
        }
        if (node instanceof Node.Mux m) {
            int s = slot(m.select());
            int t = slot(m.whenTrue());
            int f = slot(m.whenFalse());
            return w > 64 ? v -> WideOps.copy(v, d, v[s] != 0 ? t : f, w) : v -> v[d] = NarrowOps.mux(v[s], v[t], v[f]);
        }
        if (node instanceof Node.Concat c) {
            return concat(c, d);
        }
        if (node instanceof Node.Slice s) {
            int a = slot(s.operand());
            int low = s.low();
            if (w > 64) {
                return v -> WideOps.slice(v, d, a, low, w);
            }
            return width(s.operand()) > 64 ? v -> v[d] = WideOps.extract(v, a, low, w) : v -> v[d] = NarrowOps.slice(v[a], low, w);
        }
        if (node instanceof Node.Extend x) {
            int a = slot(x.operand());
            int from = width(x.operand());
            boolean signed = x.signed();
            return w > 64 ? v -> WideOps.extend(v, d, w, a, from, signed) : v -> v[d] = NarrowOps.extend(v[a], from, w, signed);
        }
        Node.Copy copy = (Node.Copy) node;
        int a = slot(copy.operand());
        return w > 64 ? v -> WideOps.copy(v, d, a, w) : v -> v[d] = v[a];
    }

    private Step unary(Node.Unary u, int d) {
        int a = slot(u.operand());
        int w = width(u.operand());
        if (w > 64) {
            return switch (u.op()) {
                case NOT -> v -> WideOps.not(v, d, a, w);
                case NEG -> v -> WideOps.neg(v, d, a, w);
                case AND_REDUCE -> v -> v[d] = WideOps.andReduce(v, a, w);
                case OR_REDUCE -> v -> v[d] = WideOps.orReduce(v, a, w);
                case XOR_REDUCE -> v -> v[d] = WideOps.xorReduce(v, a, w);
            };
        }
        return switch (u.op()) {
            case NOT -> v -> v[d] = NarrowOps.not(v[a], w);
            case NEG -> v -> v[d] = NarrowOps.neg(v[a], w);
            case AND_REDUCE -> v -> v[d] = NarrowOps.andReduce(v[a], w);
            case OR_REDUCE -> v -> v[d] = NarrowOps.orReduce(v[a]);
            case XOR_REDUCE -> v -> v[d] = NarrowOps.xorReduce(v[a]);
        };
    }

    private Step narrowBinary(Node.Binary b, int d) {
        int l = slot(b.left());
        int r = slot(b.right());
        int w = width(b.left());
        int wr = width(b.right());
        boolean s = b.signed();
        if (b.op().isShift() && wr > 64) {
            return switch (b.op()) {
                case SHL -> v -> v[d] = NarrowOps.shl(v[l], WideOps.shiftAmount(v, r, wr), w);
                case SHR -> v -> v[d] = NarrowOps.shr(v[l], WideOps.shiftAmount(v, r, wr), w);
                default -> v -> v[d] = NarrowOps.sra(v[l], WideOps.shiftAmount(v, r, wr), w);
            };
        }
        return switch (b.op()) {
            case ADD -> v -> v[d] = NarrowOps.add(v[l], v[r], w);
            case SUB -> v -> v[d] = NarrowOps.sub(v[l], v[r], w);
            case MUL -> v -> v[d] = NarrowOps.mul(v[l], w, v[r], wr, s);
            case AND -> v -> v[d] = NarrowOps.and(v[l], v[r]);
            case OR -> v -> v[d] = NarrowOps.or(v[l], v[r]);
            case XOR -> v -> v[d] = NarrowOps.xor(v[l], v[r]);
            case EQ -> v -> v[d] = NarrowOps.eq(v[l], v[r], w);
            case NE -> v -> v[d] = NarrowOps.ne(v[l], v[r], w);
            case LT -> v -> v[d] = NarrowOps.lt(v[l], v[r], w, s);
            case LE -> v -> v[d] = NarrowOps.le(v[l], v[r], w, s);
            case GT -> v -> v[d] = NarrowOps.gt(v[l], v[r], w, s);
            case GE -> v -> v[d] = NarrowOps.ge(v[l], v[r], w, s);
            case SHL -> v -> v[d] = NarrowOps.shl(v[l], v[r], w);
            case SHR -> v -> v[d] = NarrowOps.shr(v[l], v[r], w);
            case SRA -> v -> v[d] = NarrowOps.sra(v[l], v[r], w);
        };
    }

    private Step wideBinary(Node.Binary b, int d) {
        int l = slot(b.left());
        int r = slot(b.right());
        int w = width(b.left());
        int wr = width(b.right());
        boolean s = b.signed();
        if (b.op().isShift()) {
            boolean wideAmount = wr > 64;
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
}
