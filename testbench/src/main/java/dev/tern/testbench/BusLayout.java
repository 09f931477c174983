package dev.tern.testbench;

import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.HwType;
import dev.tern.sim.Probe;
import dev.tern.sim.Simulator;
import dev.tern.sim.ops.WideOps;

import java.util.ArrayList;
import java.util.List;

/**
 * How the designs under test meet a Verilog simulator: one input bus and one output bus of 64-bit
 * words. Every input port (the reset included), output port and probed signal of every design has a
 * slot of whole words, least significant first, bits above its width zero, exactly the packed words
 * of the Java simulator ({@link Simulator#peekWords}). Both buses are at least two words wide, so that
 * Verilator always represents them as word arrays.
 */
public final class BusLayout {
    /** Buses narrower than this would become scalars in Verilator's C++. */
    private static final int MIN_WORDS = 2;

    /** One signal's place on a bus: its name as the Java simulator knows it, its type and its first word. */
    public record Slot(String signal, HwType type, int word) {
        public int words() {
            return WideOps.words(type.width());
        }
    }

    /**
     * One design under test.
     *
     * @param instance the instance name in the Verilog top, also the prefix of its module names
     * @param design   the design with its modules renamed by that prefix
     * @param inputs   its input ports in the simulator's port order (the reset first when clocked)
     * @param outputs  its output ports, then its probed signals
     * @param probes   how many of the outputs, at the end, are probes
     */
    public record Dut(String instance, Design design, List<Slot> inputs, List<Slot> outputs, int probes) {
        public Dut {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        public boolean clocked() {
            return design.top().isClocked();
        }

        /** The names of the top's clock and reset and the reset's polarity. */
        public Clocking clocking() {
            return design.top().clocking();
        }

        /** The slot of the reset ({@code rst}, {@code aresetn}, ...), present in a clocked design. */
        public java.util.Optional<Slot> reset() {
            return clocked() ? inputs.stream().filter(s -> s.signal().equals(clocking().reset())).findFirst() : java.util.Optional.empty();
        }

        /** The inputs other than the reset: those that random stimulus fills, in port order. */
        public List<Slot> dataInputs() {
            java.util.Optional<Slot> reset = reset();
            return inputs.stream().filter(s -> reset.isEmpty() || s != reset.get()).toList();
        }
    }

    private final List<Dut> duts;
    private final int inputWords;
    private final int outputWords;

    private BusLayout(List<Dut> duts, int inputWords, int outputWords) {
        this.duts = List.copyOf(duts);
        this.inputWords = inputWords;
        this.outputWords = outputWords;
    }

    /** A design as the Java simulator sees it, with the signals to compare besides its outputs. */
    public record Member(Simulator simulator, List<String> probes) {
        public Member {
            probes = List.copyOf(probes);
        }
    }

    /** Lays out the members one after the other, each named {@code dut<i>}. */
    public static BusLayout of(List<Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a cosimulation needs at least one design");
        }
        List<Dut> duts = new ArrayList<>();
        int in = 0;
        int out = 0;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String instance = "dut" + i;
            List<Slot> inputs = new ArrayList<>();
            for (Probe p : m.simulator().inputs()) {
                inputs.add(new Slot(p.name(), p.type(), in));
                in += WideOps.words(p.width());
            }
            List<Slot> outputs = new ArrayList<>();
            List<Probe> compared = new ArrayList<>(m.simulator().outputs());
            for (String probe : m.probes()) {
                compared.add(m.simulator().probe(probe));
            }
            for (Probe p : compared) {
                outputs.add(new Slot(p.name(), p.type(), out));
                out += WideOps.words(p.width());
            }
            Design renamed = DesignRenamer.prefixed(m.simulator().design(), instance + "_");
            duts.add(new Dut(instance, renamed, inputs, outputs, m.probes().size()));
        }
        return new BusLayout(duts, Math.max(MIN_WORDS, in), Math.max(MIN_WORDS, out));
    }

    public List<Dut> duts() {
        return duts;
    }

    public int inputWords() {
        return inputWords;
    }

    public int outputWords() {
        return outputWords;
    }
}
