package dev.tern.sim.compiler;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.bench.TernaryDotProductTree;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Flattener;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratedCodeTest {
    @Test
    void everyGeneratedMethodStaysBelowTheJitLimit() {
        for (Design design : new Design[] {TernaryDotProductTree.design(256),
                Elaborator.elaborate(dev.tern.sim.TestDesignsAccess::statefulMix)}) {
            JavaCodeGenerator.Generated generated = JavaCodeGenerator.generate(Flattener.flatten(design), "Sized", 2500);
            byte[] classFile = JavaSourceCompiler.compile(generated.binaryName(), generated.source()).get(generated.binaryName());
            Map<String, Integer> sizes = ClassFileMethodSizes.of(classFile);
            assertTrue(sizes.containsKey("clockEdge") && sizes.containsKey("evaluateOutputs"), sizes.toString());
            sizes.forEach((method, size) -> assertTrue(size < CompiledEngine.HUGE_METHOD_LIMIT / 2,
                    design.name() + "." + method + " has " + size + " bytes of bytecode"));
        }
    }

    @Test
    void pipelineIsUpdatedInPlaceFromItsLastStageBack() {
        FlatNetlist netlist = Flattener.flatten(TernaryDotProductTree.design(8));
        JavaCodeGenerator.Generated generated = JavaCodeGenerator.generate(netlist, "Tree", 2500);
        String source = generated.source();
        int laterStagesEnd = -1;
        for (int stage = 3; stage >= 0; stage--) {
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (FlatNetlist.Register r : netlist.registers()) {
                if (r.name().startsWith("p" + stage + "_")) {
                    int at = source.indexOf("v[" + generated.layout().offset(r.state()) + "] = t");
                    assertTrue(at >= 0, r.name() + " is written straight from a local");
                    first = Math.min(first, at);
                    last = Math.max(last, at);
                }
            }
            assertTrue(first > laterStagesEnd, "stage " + stage + " is written after every later stage");
            laterStagesEnd = last;
        }
    }
}
