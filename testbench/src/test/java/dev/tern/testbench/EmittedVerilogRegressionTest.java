package dev.tern.testbench;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.stimulus.RandomStimulus;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;

/** Minimal reproducers of disagreements the fuzzer found between the emitted Verilog and the simulator. */
class EmittedVerilogRegressionTest {
    /** Only bit 0 of {@code a} is read, so its declaration carries a lint waiver; {@code b} follows it. */
    static final class PartlyReadInputThenAnotherPort extends Component {
        final Input a = input("a", uint(4));
        final Input b = input("b", bool());
        final Output y = output("y", bool());

        PartlyReadInputThenAnotherPort() {
            y.set(a.bit(0).xor(b));
        }
    }

    @Test
    void partlyReadInputBeforeAnotherPortKeepsTheCommaBetweenThem() {
        ToolRequirement.require("verilator");
        Design design = Elaborator.elaborate(PartlyReadInputThenAnotherPort::new);
        Cosim.assertEquivalent(design, new RandomStimulus(1), 50);
    }
}
