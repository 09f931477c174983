package dev.tern.sim;

import dev.tern.hdl.Elaborator;
import dev.tern.sim.bench.TernaryDotProductTree;
import org.junit.jupiter.api.Test;

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

    @Test
    void ternaryAdderTreeAgreesOverTenThousandRandomCycles() {
        EngineEquivalence.assertEnginesAgree(TernaryDotProductTree.design(64), 10_000, 3, 500);
    }
}
