package dev.tern.testbench;

import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Instance;
import dev.tern.hdl.ir.ModuleDef;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same design with every module name prefixed, so that several designs whose module names clash
 * can be compiled side by side in one Verilog model.
 */
final class DesignRenamer {
    private DesignRenamer() {
    }

    static Design prefixed(Design design, String prefix) {
        Map<ModuleDef, ModuleDef> renamed = new IdentityHashMap<>();
        List<ModuleDef> modules = new ArrayList<>();
        for (ModuleDef m : design.modules()) {
            modules.add(rename(m, prefix, renamed));
        }
        return new Design(renamed.get(design.top()), modules);
    }

    private static ModuleDef rename(ModuleDef m, String prefix, Map<ModuleDef, ModuleDef> renamed) {
        ModuleDef done = renamed.get(m);
        if (done != null) {
            return done;
        }
        List<Instance> instances = new ArrayList<>();
        for (Instance i : m.instances()) {
            instances.add(new Instance(i.name(), rename(i.module(), prefix, renamed), i.inputs(), i.location()));
        }
        ModuleDef copy = new ModuleDef(prefix + m.name(), m.generator(), m.parameters(), m.location(), m.ports(),
                m.wires(), m.registers(), m.memories(), instances, m.assigns(), m.registerUpdates(), m.memoryWrites(),
                m.memoryReads(), m.clocking());
        renamed.put(m, copy);
        return copy;
    }
}
