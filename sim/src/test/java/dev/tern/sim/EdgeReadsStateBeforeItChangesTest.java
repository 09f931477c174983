package dev.tern.sim;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import org.junit.jupiter.api.Test;

/**
 * A register that adds the sign-extended value of another register, updated at the same edge, must see
 * that register's value from before the edge, also when the other register sits in a submodule.
 */
class EdgeReadsStateBeforeItChangesTest {
    static final class Stage extends Component {
        final Input in = input("in", uint(8));
        final Output value = output("value", sint(13));

        Stage() {
            Reg held = reg("held", sint(13), 0);
            held.set(in.asSInt().sext(13).sub(lit(100, sint(13))));
            value.set(held);
        }
    }

    static final class Accumulator extends Component {
        Accumulator(boolean throughSubmodule) {
            Input in = input("in", uint(8));
            Output total = output("total", sint(32));
            Reg sum = reg("sum", sint(32), 0);
            if (throughSubmodule) {
                Stage stage = instance("stage", new Stage());
                stage.in.set(in);
                sum.set(sum.add(stage.value.sext(32)));
            } else {
                Reg held = reg("held", sint(13), 0);
                held.set(in.asSInt().sext(13).sub(lit(100, sint(13))));
                sum.set(sum.add(held.sext(32)));
            }
            total.set(sum);
        }
    }

    @Test
    void sumReadsTheSubmodulesRegisterBeforeItsUpdate() {
        EngineEquivalence.assertEnginesAgree(Elaborator.elaborate(() -> new Accumulator(true)), 500, 1, 50);
    }

    @Test
    void sumReadsASiblingRegisterBeforeItsUpdate() {
        EngineEquivalence.assertEnginesAgree(Elaborator.elaborate(() -> new Accumulator(false)), 500, 1, 50);
    }
}
