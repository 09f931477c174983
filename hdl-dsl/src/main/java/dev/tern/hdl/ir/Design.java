package dev.tern.hdl.ir;

import java.util.List;

/** An elaborated, checked design: a top module and every module definition below it, each once, children first. */
public record Design(ModuleDef top, List<ModuleDef> modules) {
    public Design {
        modules = List.copyOf(modules);
        if (modules.isEmpty() || !modules.get(modules.size() - 1).equals(top)) {
            throw new IllegalArgumentException("the top module must come last");
        }
    }

    public static Design of(ModuleDef top) {
        return new Design(top, top.definitionsBottomUp());
    }

    public String name() {
        return top.name();
    }
}
