package dev.tern.sim;

import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.ExprEvaluator;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.Net;

import java.util.HashMap;
import java.util.Map;

/** The outputs of a combinational, flat module computed with the IR's own {@link ExprEvaluator}. */
final class CombinationalReference {
    private final ModuleDef module;

    CombinationalReference(ModuleDef module) {
        if (module.isClocked() || !module.instances().isEmpty()) {
            throw new IllegalArgumentException(module.name() + " is not a flat combinational module");
        }
        this.module = module;
    }

    Map<String, Bits> outputs(Map<String, Bits> inputs) {
        Map<Net, Bits> known = new HashMap<>();
        Map<String, Bits> result = new HashMap<>();
        for (Net.Port out : module.outputs()) {
            result.put(out.name(), value(out, inputs, known));
        }
        return result;
    }

    private Bits value(Net net, Map<String, Bits> inputs, Map<Net, Bits> known) {
        if (net instanceof Net.Port p && p.isInput()) {
            return inputs.get(p.name());
        }
        Bits cached = known.get(net);
        if (cached != null) {
            return cached;
        }
        Expr driver = module.assigns().get(net);
        Bits v = ExprEvaluator.evaluate(driver, n -> value(n, inputs, known));
        known.put(net, v);
        return v;
    }
}
