package dev.tern.sim.compiler;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Signal;
import dev.tern.sim.Simulator;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.bench.TernaryDotProductTree;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Flattener;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratedCodeTest {
    /** Two thousand lanes packed into one bus: one node with as many parts. */
    static final class WideBus extends Component {
        WideBus() {
            Input codes = input("codes", uint(4000));
            Input flip = input("flip", uint(2));
            List<Signal> lanes = new ArrayList<>();
            for (int lane = 0; lane < 2000; lane++) {
                lanes.add(codes.bits(2 * lane + 1, 2 * lane).xor(flip));
            }
            output("bus", uint(4000)).set(cat(lanes.toArray(new Signal[0])));
        }
    }

    @Test
    void longConcatenationKeepsItsValue() {
        Simulator sim = Simulator.compile(Elaborator.elaborate(WideBus::new));
        BigInteger codes = new BigInteger(4000, new Random(3));
        sim.pokeBig("codes", codes);
        sim.poke("flip", 3);
        BigInteger expected = BigInteger.ZERO;
        for (int lane = 0; lane < 2000; lane++) {
            BigInteger code = codes.shiftRight(2 * lane).and(BigInteger.valueOf(3)).xor(BigInteger.valueOf(3));
            expected = expected.or(code.shiftLeft(2 * (1999 - lane)));
        }
        assertEquals(expected, sim.peekBig("bus"), "lane 0 is the most significant part");
    }

    @Test
    void everyGeneratedMethodStaysBelowTheJitLimit() {
        for (Design design : new Design[] {TernaryDotProductTree.design(256), Elaborator.elaborate(WideBus::new),
                Elaborator.elaborate(dev.tern.sim.TestDesignsAccess::statefulMix),
                Elaborator.elaborate(dev.tern.sim.TestDesignsAccess::laneShapes)}) {
            for (boolean vectorLoops : new boolean[] {false, true}) {
                JavaCodeGenerator.Generated generated = JavaCodeGenerator.generate(Flattener.flatten(design), "Sized", 2500, vectorLoops);
                byte[] classFile = JavaSourceCompiler.compile(generated.binaryName(), generated.source(), generated.usesVectorApi())
                        .get(generated.binaryName());
                Map<String, Integer> sizes = ClassFileMethodSizes.of(classFile);
                assertTrue(sizes.containsKey("clockEdge") && sizes.containsKey("evaluateOutputs"), sizes.toString());
                sizes.forEach((method, size) -> assertTrue(size < CompiledEngine.HUGE_METHOD_LIMIT / 2,
                        design.name() + "." + method + (vectorLoops ? " (vector loops)" : "") + " has " + size + " bytes of bytecode"));
            }
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
