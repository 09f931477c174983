package dev.tern.hdl.ir;

import java.util.Map;

/** A submodule instance: the definition it instantiates and the expression driving each input port. */
public record Instance(String name, ModuleDef module, Map<String, Expr> inputs, SourceLocation location) {
    public Instance {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }
}
