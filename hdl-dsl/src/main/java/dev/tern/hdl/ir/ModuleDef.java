package dev.tern.hdl.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One elaborated module definition: ports, internal nets, and how each is driven. Combinational
 * drivers ({@code assigns}) cover every output port and wire exactly once; each register has one
 * update; each memory port is listed once. Modules with registers, memories or clocked submodules
 * have an implicit clock and synchronous reset, named and polarised by {@code clocking} ({@code clk} and
 * active-high {@code rst} unless the module declares otherwise).
 *
 * @param generator  the Java class that generated the module
 * @param parameters the generator's parameters, in declaration order, as they should be reported
 * @param clocking   the names of the implicit clock and reset and the reset's polarity, read only when clocked
 */
public record ModuleDef(String name, String generator, Map<String, String> parameters, SourceLocation location,
                        List<Net.Port> ports, List<Net.Wire> wires, List<Net.Reg> registers, List<Memory> memories,
                        List<Instance> instances, Map<Net, Expr> assigns, List<RegisterUpdate> registerUpdates,
                        List<Memory.Write> memoryWrites, List<Memory.Read> memoryReads, Clocking clocking) {

    public ModuleDef {
        java.util.Objects.requireNonNull(clocking, "clocking");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        ports = List.copyOf(ports);
        wires = List.copyOf(wires);
        registers = List.copyOf(registers);
        memories = List.copyOf(memories);
        instances = List.copyOf(instances);
        assigns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assigns));
        registerUpdates = List.copyOf(registerUpdates);
        memoryWrites = List.copyOf(memoryWrites);
        memoryReads = List.copyOf(memoryReads);
    }

    public ModuleDef withName(String newName) {
        return new ModuleDef(newName, generator, parameters, location, ports, wires, registers, memories, instances,
                assigns, registerUpdates, memoryWrites, memoryReads, clocking);
    }

    /** True when the module needs the implicit clock and reset ({@link #clocking()} names them). */
    public boolean isClocked() {
        return !registers.isEmpty() || !memories.isEmpty() || instances.stream().anyMatch(i -> i.module().isClocked());
    }

    /** True when some register has a reset value, here or in a submodule, so the reset input is read. */
    public boolean usesReset() {
        return registers.stream().anyMatch(Net.Reg::hasReset) || instances.stream().anyMatch(i -> i.module().usesReset());
    }

    public List<Net.Port> inputs() {
        return ports.stream().filter(Net.Port::isInput).toList();
    }

    public List<Net.Port> outputs() {
        return ports.stream().filter(p -> !p.isInput()).toList();
    }

    public Net.Port port(String portName) {
        for (Net.Port p : ports) {
            if (p.name().equals(portName)) {
                return p;
            }
        }
        throw new IllegalArgumentException("module " + name + " has no port " + portName);
    }

    /** Nets read by the memory read ports of this module, keyed by their data net. */
    public Map<Net.MemReadData, Memory.Read> readPortsByData() {
        Map<Net.MemReadData, Memory.Read> map = new LinkedHashMap<>();
        for (Memory.Read r : memoryReads) {
            map.put(r.data(), r);
        }
        return map;
    }

    /** Every definition this one instantiates, directly or not, each once, children before parents, this one last. */
    public List<ModuleDef> definitionsBottomUp() {
        List<ModuleDef> order = new ArrayList<>();
        collect(this, order);
        return order;
    }

    private static void collect(ModuleDef def, List<ModuleDef> order) {
        for (Instance i : def.instances) {
            collect(i.module(), order);
        }
        if (!order.contains(def)) {
            order.add(def);
        }
    }
}
