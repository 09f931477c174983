package dev.tern.testbench.fuzz;

import dev.tern.hdl.ir.Bits;
import dev.tern.testbench.Mismatch;
import dev.tern.verilog.VerilogEmitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShrinkerTest {
    private static final FuzzSpec START = new FuzzSpec(5, 12, FuzzSpec.MAX_WIDTH, 2, 200);

    private static FuzzFinding finding(FuzzSpec spec, long cycle) {
        return new FuzzFinding(spec, new Mismatch("dut0", cycle, "o0", "compiled", "verilator", Bits.of(8, java.math.BigInteger.ONE),
                Bits.of(8, java.math.BigInteger.TWO), Bits.of(8, java.math.BigInteger.ZERO), List.of()));
    }

    @Test
    void specsWithCutNodesRoundTripThroughTheirLine() {
        FuzzSpec spec = START.cutting(List.of("m_0.n3", "m.n11"));
        assertEquals("seed=5 nodes=12 maxWidth=130 depth=2 cycles=200 cut=m.n11,m_0.n3", spec.toString());
        assertEquals(spec, FuzzSpec.parse(spec.toString()));
        assertEquals(START, FuzzSpec.parse("seed=5 nodes=12 maxWidth=130 depth=2 cycles=200"));
        assertThrows(IllegalArgumentException.class, () -> FuzzSpec.parse("seed=5 nodes=12 maxWidth=130 depth=2 cycles=2 cut=x"));
    }

    @Test
    void cuttingANodeChangesThatNodeOnlyAndTheDesignKeepsItsNodeIds() {
        List<String> ids = RandomDesigns.nodeIds(START);
        assertTrue(ids.containsAll(List.of("m.n0", "m.n11", "m_0.n0")), ids.toString());
        FuzzSpec cut = START.cutting(List.of("m.n7"));
        assertEquals(ids, RandomDesigns.nodeIds(cut));
        VerilogEmitter emitter = VerilogEmitter.withoutSourceLocations();
        assertNotEquals(emitter.singleFile(RandomDesigns.design(START)), emitter.singleFile(RandomDesigns.design(cut)));
    }

    /** An oracle for which the design disagrees while node m_0.n4 survives and the run reaches cycle 3. */
    @Test
    void shrinksCyclesAndCutsEveryNodeButTheGuiltyOne() {
        String guilty = "m_0.n4";
        List<FuzzSpec> tried = new ArrayList<>();
        Shrinker shrinker = new Shrinker(spec -> {
            tried.add(spec);
            boolean disagrees = spec.depth() == 2 && spec.nodes() == 12 && spec.maxWidth() == FuzzSpec.MAX_WIDTH
                    && spec.cycles() >= 4 && !spec.cut().contains(guilty);
            return disagrees ? Optional.of(finding(spec, 3)) : Optional.empty();
        });

        FuzzFinding small = shrinker.shrink(finding(START, 3), f -> { });

        assertEquals(4, small.spec().cycles());
        List<String> others = new ArrayList<>(RandomDesigns.nodeIds(START));
        others.remove(guilty);
        assertEquals(Set.copyOf(others), small.spec().cut(), "every innocent node cut");
        assertTrue(tried.size() <= 80, tried.size() + " tries");
    }
}
