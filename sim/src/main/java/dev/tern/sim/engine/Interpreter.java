package dev.tern.sim.engine;

import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.ops.NarrowOps;
import dev.tern.sim.ops.WideOps;

import java.util.Arrays;

/**
 * The reference engine: every node has a slot, and each cycle computes every node in levelised order
 * ({@link LevelledSteps}): the narrow nodes of one operator in one level as one loop ({@link NarrowBatch}),
 * the others one step each ({@link WideSteps}), all calling the operator implementations in
 * {@link NarrowOps} and {@link WideOps}. Needs no compiler, starts at once, and is short enough to check
 * by reading.
 */
public final class Interpreter implements Engine {
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
    private final RegisterFile registers;
    private final PortFrame inputFrame;
    private final PortFrame outputFrame;

    private Interpreter(FlatNetlist netlist) {
        this.netlist = netlist;
        boolean[] all = new boolean[netlist.nodes().size()];
        Arrays.fill(all, true);
        this.layout = SlotLayout.assign(netlist, all);
        this.state = SimState.allocate(netlist, layout);
        this.v = state.values();
        this.steps = LevelledSteps.of(netlist, layout);
        this.resetSlot = netlist.isClocked() ? layout.offset(netlist.resetNode()) : -1;
        MemoryStore[] memories = state.memories();
        this.reads = netlist.readPorts().stream()
                .map(r -> new PortSlots(memories[r.memory()], slot(r.address()), slot(r.data()), optionalSlot(r.enable())))
                .toArray(PortSlots[]::new);
        this.writes = netlist.writePorts().stream()
                .map(w -> new PortSlots(memories[w.memory()], slot(w.address()), slot(w.data()), optionalSlot(w.enable())))
                .toArray(PortSlots[]::new);
        this.registers = new RegisterFile(netlist, layout);
        this.inputFrame = PortFrame.inputs(netlist, layout);
        this.outputFrame = PortFrame.outputs(netlist, layout);
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
        registers.update(v, resetSlot >= 0 && v[resetSlot] != 0);
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
}
