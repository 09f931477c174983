package dev.tern.testbench;

import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.HwType;
import dev.tern.sim.CycleSimulation;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import dev.tern.sim.Values;
import dev.tern.sim.ops.NarrowOps;
import dev.tern.sim.ops.PackedBits;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A design running in Verilator, driven port by port like the Java {@link Simulator}, so that the
 * same driver code runs a unit on either (see {@link CycleSimulation}).
 *
 * <p>Steps are queued and sent to the Verilated model only when an output is read: a read sends the
 * queued cycles and the current one in one request, whose last cycle stops before its rising edge, so a
 * driver that pokes, peeks and steps once per cycle costs one round trip per cycle. Only ports can be
 * read: the Verilog model's internal signals are not on its buses.
 */
public final class VerilatorCycleSimulation implements CycleSimulation {
    /** Queued cycles sent at once at the latest, to bound the buffers. */
    private static final int MAX_QUEUED = 4096;

    private final Design design;
    private final VerilatorSimulation verilator;
    private final int inputWords;
    private final int outputWords;
    private final Map<String, BusLayout.Slot> inputs = new LinkedHashMap<>();
    private final Map<String, BusLayout.Slot> outputs = new LinkedHashMap<>();
    private final Clocking clocking;
    private final BusLayout.Slot reset;
    /** Input buses of the queued cycles, then of the current one. */
    private long[] queued;
    private int queuedCycles;
    private long[] replies;
    /** The current cycle's outputs, valid unless {@link #outputsStale}. */
    private final long[] current;
    private boolean outputsStale = true;
    private long cycle;

    private VerilatorCycleSimulation(Design design, VerilatorModel model) {
        this.design = design;
        BusLayout layout = model.layout();
        BusLayout.Dut dut = layout.duts().get(0);
        dut.inputs().forEach(s -> inputs.put(s.signal(), s));
        dut.outputs().forEach(s -> outputs.put(s.signal(), s));
        this.reset = dut.reset().orElse(null);
        this.clocking = dut.clocking();
        this.inputWords = layout.inputWords();
        this.outputWords = layout.outputWords();
        this.queued = new long[inputWords * 16];
        this.replies = new long[outputWords * 16];
        this.current = new long[outputWords];
        this.verilator = new VerilatorSimulation(model);
    }

    /**
     * Verilates {@code design} (or takes its model from the build cache) and starts it. Like a fresh
     * Java simulator, every register and memory starts at zero (the emitted Verilog initialises them).
     *
     * @throws CosimException when Verilator is missing or cannot build the design
     */
    public static VerilatorCycleSimulation start(Design design) {
        BusLayout layout;
        // The interpreter only lists the ports in the simulator's order; it never runs.
        try (Simulator ports = Simulator.interpret(design)) {
            layout = BusLayout.of(List.of(new BusLayout.Member(ports, List.of())));
        }
        return new VerilatorCycleSimulation(design, VerilatorModel.cached(layout, VerilatorModel.Flavor.COSIM));
    }

    @Override
    public String engine() {
        return "verilator";
    }

    @Override
    public Design design() {
        return design;
    }

    @Override
    public long cycle() {
        return cycle;
    }

    @Override
    public void poke(String port, long value) {
        BusLayout.Slot slot = input(port);
        if (slot.type().width() > 64) {
            pokeBig(port, BigInteger.valueOf(value));
            return;
        }
        currentInputs()[queuedCycles * inputWords + slot.word()] = Values.checkFits(value, slot.type(), "port " + port);
        outputsStale = true;
    }

    @Override
    public void pokeBig(String port, BigInteger value) {
        BusLayout.Slot slot = input(port);
        BigInteger bits = Values.checkFits(value, slot.type(), "port " + port);
        PackedBits.store(bits, slot.type().width(), currentInputs(), queuedCycles * inputWords + slot.word());
        outputsStale = true;
    }

    @Override
    public long peek(String name) {
        BusLayout.Slot slot = readable(name);
        HwType type = slot.type();
        if (type.width() > 64) {
            throw new SimulationException(name + " is " + type + ", wider than a long; read it with peekBig");
        }
        long raw = busOf(slot)[offsetOf(slot)];
        return type.signed() ? NarrowOps.signExtend(raw, type.width()) : raw;
    }

    @Override
    public BigInteger peekBig(String name) {
        BusLayout.Slot slot = readable(name);
        return PackedBits.load(busOf(slot), offsetOf(slot), slot.type().width()).as(slot.type());
    }

    @Override
    public void step() {
        queuedCycles++;
        // The next cycle's inputs start as this one's: a port holds its value until poked again.
        ensureCapacity(queuedCycles + 1);
        System.arraycopy(queued, (queuedCycles - 1) * inputWords, queued, queuedCycles * inputWords, inputWords);
        cycle++;
        outputsStale = true;
        if (queuedCycles >= MAX_QUEUED) {
            send(false);
        }
    }

    @Override
    public void reset() {
        if (reset == null) {
            throw new SimulationException("design " + design.top().name() + " has no clock, so no reset");
        }
        poke(reset.signal(), clocking.resetLevel(true));
        step();
        poke(reset.signal(), clocking.resetLevel(false));
    }

    @Override
    public void close() {
        verilator.close();
    }

    @Override
    public String toString() {
        return design.top().name() + " on verilator at cycle " + cycle;
    }

    private long[] currentInputs() {
        ensureCapacity(queuedCycles + 1);
        return queued;
    }

    /** The bus holding {@code slot}'s value now: the current inputs, or the settled outputs. */
    private long[] busOf(BusLayout.Slot slot) {
        if (inputs.get(slot.signal()) == slot) {
            return currentInputs();
        }
        if (outputsStale) {
            send(true);
            outputsStale = false;
        }
        return current;
    }

    private int offsetOf(BusLayout.Slot slot) {
        return inputs.get(slot.signal()) == slot ? queuedCycles * inputWords + slot.word() : slot.word();
    }

    /**
     * Sends the queued cycles, and with {@code settle} the current one without its edge, whose outputs
     * become {@link #current}.
     */
    private void send(boolean settle) {
        int cycles = queuedCycles + (settle ? 1 : 0);
        if (cycles == 0) {
            return;
        }
        if (replies.length < cycles * outputWords) {
            replies = new long[cycles * outputWords];
        }
        if (settle) {
            verilator.runAndSettle(queued, replies, cycles);
            System.arraycopy(replies, (cycles - 1) * outputWords, current, 0, outputWords);
        } else {
            verilator.run(queued, replies, new long[cycles * outputWords], cycles);
        }
        System.arraycopy(queued, queuedCycles * inputWords, queued, 0, inputWords);
        queuedCycles = 0;
    }

    private void ensureCapacity(int cycles) {
        if (queued.length < cycles * inputWords) {
            queued = Arrays.copyOf(queued, Math.max(queued.length * 2, cycles * inputWords));
        }
    }

    private BusLayout.Slot input(String port) {
        BusLayout.Slot slot = inputs.get(port);
        if (slot == null) {
            throw new SimulationException(outputs.containsKey(port)
                    ? port + " is an output of " + design.top().name() + "; only inputs can be poked (" + names(inputs) + ")"
                    : "no input port '" + port + "' in " + design.top().name() + "; inputs: " + names(inputs));
        }
        return slot;
    }

    private BusLayout.Slot readable(String name) {
        BusLayout.Slot slot = outputs.containsKey(name) ? outputs.get(name) : inputs.get(name);
        if (slot == null) {
            throw new SimulationException("no port '" + name + "' in " + design.top().name()
                    + " (a Verilator simulation reads ports only); outputs: " + names(outputs));
        }
        return slot;
    }

    private static String names(Map<String, BusLayout.Slot> slots) {
        return slots.keySet().stream().collect(Collectors.joining(", "));
    }

}
