package dev.tern.sim.activity;

import dev.tern.sim.CycleObserver;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import dev.tern.sim.netlist.FlatNetlist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what each rising edge writes into state, by the rules the engines apply it: for every
 * register, the edges where it loads (its enable absent or high, or the reset high for a register with a
 * reset value); for every memory, the edges where each read port's enable is absent or high, and where
 * each write port's enable is absent or high. These are the events an energy model charges for: register bits
 * written and SRAM accesses.
 */
public final class StateWriteCounter implements CycleObserver {

    /** Loads of one register: how many edges, and the bits they wrote. */
    public record RegisterWrites(String name, int width, long edges) {
        public long bits() {
            return Math.multiplyExact(edges, (long) width);
        }
    }

    /** Accesses to one memory over the observed edges. */
    public record MemoryAccesses(String name, int wordBits, int depth, long reads, long writes) {
    }

    private final Simulator simulator;
    private final NodeValues values;
    private final List<FlatNetlist.Register> registers;
    private final List<FlatNetlist.ReadPort> readPorts;
    private final List<FlatNetlist.WritePort> writePorts;
    private final List<FlatNetlist.Memory> memories;
    private final long[] registerEdges;
    private final long[] memoryReads;
    private final long[] memoryWrites;

    private StateWriteCounter(Simulator simulator) {
        this.simulator = simulator;
        this.values = new NodeValues(simulator);
        FlatNetlist netlist = simulator.netlist();
        this.registers = netlist.registers();
        this.readPorts = netlist.readPorts();
        this.writePorts = netlist.writePorts();
        this.memories = netlist.memories();
        this.registerEdges = new long[registers.size()];
        this.memoryReads = new long[memories.size()];
        this.memoryWrites = new long[memories.size()];
    }

    /** A counter added to the simulator's observers; it counts from the next edge on. */
    public static StateWriteCounter attach(Simulator simulator) {
        StateWriteCounter counter = new StateWriteCounter(simulator);
        simulator.addObserver(counter);
        return counter;
    }

    @Override
    public void beforeEdge(Simulator sim) {
        values.newCycle();
        FlatNetlist netlist = sim.netlist();
        boolean reset = netlist.isClocked() && values.isHigh(netlist.resetNode());
        for (int i = 0; i < registers.size(); i++) {
            FlatNetlist.Register register = registers.get(i);
            if ((reset && register.resetValue() != null) || values.isHigh(register.enable())) {
                registerEdges[i]++;
            }
        }
        for (FlatNetlist.ReadPort port : readPorts) {
            if (values.isHigh(port.enable())) {
                memoryReads[port.memory()]++;
            }
        }
        for (FlatNetlist.WritePort port : writePorts) {
            if (values.isHigh(port.enable())) {
                memoryWrites[port.memory()]++;
            }
        }
    }

    public void detach() {
        simulator.removeObserver(this);
    }

    /** Every register by its hierarchical name, in netlist order. */
    public Map<String, RegisterWrites> registers() {
        Map<String, RegisterWrites> result = new LinkedHashMap<>();
        for (int i = 0; i < registers.size(); i++) {
            FlatNetlist.Register register = registers.get(i);
            int width = simulator.netlist().width(register.state());
            result.put(register.name(), new RegisterWrites(register.name(), width, registerEdges[i]));
        }
        return Collections.unmodifiableMap(result);
    }

    /** Every memory by its hierarchical name, in netlist order. */
    public Map<String, MemoryAccesses> memories() {
        Map<String, MemoryAccesses> result = new LinkedHashMap<>();
        for (int i = 0; i < memories.size(); i++) {
            FlatNetlist.Memory memory = memories.get(i);
            result.put(memory.name(), new MemoryAccesses(memory.name(), memory.width(), memory.depth(), memoryReads[i],
                    memoryWrites[i]));
        }
        return Collections.unmodifiableMap(result);
    }

    public MemoryAccesses memory(String name) {
        MemoryAccesses found = memories().get(name);
        if (found == null) {
            throw new SimulationException("state writes: " + simulator.netlist().name() + " has no memory " + name
                    + "; it has " + memories().keySet());
        }
        return found;
    }
}
