package dev.tern.sim;

import dev.tern.hdl.Elaborator;
import dev.tern.sim.bench.TernaryDotProductTree;
import dev.tern.hdl.catalog.DesignCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/** The compiled engine against the interpreter: random inputs, every output, every cycle. */
class EngineEquivalenceTest {
    @Test
    void statefulMixAgreesOverTenThousandRandomCycles() {
        EngineEquivalence.assertEnginesAgree(Elaborator.elaborate(TestDesigns.StatefulMix::new), 10_000, 1, 97);
    }

    @Test
    void operatorZooAgreesOverTenThousandRandomCycles() {
        EngineEquivalence.assertEnginesAgree(
                Elaborator.elaborate(() -> new TestDesigns.OperatorZoo(1, 5, 63, 64, 65, 128, 130)), 10_000, 2, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter", "fifo", "alu", "adder-tree"})
    void catalogDesignAgreesOverTenThousandRandomCycles(String name) {
        EngineEquivalence.assertEnginesAgree(DesignCatalog.examples().elaborate(name, List.of()), 10_000, name.hashCode(), 200);
    }

    @Test
    void everyCatalogDesignIsCovered() {
        org.junit.jupiter.api.Assertions.assertEquals(List.of("counter", "fifo", "alu", "adder-tree"),
                DesignCatalog.examples().all().stream().map(g -> g.name()).toList());
    }

    @Test
    void ternaryAdderTreeAgreesOverTenThousandRandomCycles() {
        EngineEquivalence.assertEnginesAgree(TernaryDotProductTree.design(64), 10_000, 3, 500);
    }

    @Test
    void registersUpdatedInLoopsAgreeOverTenThousandRandomCycles() {
        EngineEquivalence.assertEnginesAgree(Elaborator.elaborate(TestDesigns.LaneShapes::new), 10_000, 5, 300);
    }
}
