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

    /**
     * {@code bit(0)} of a 1-bit comparison is a slice of every bit, written as the comparison alone; as the
     * operand of a shift it needs parentheses, since Verilog's {@code <<} binds tighter than {@code !=}.
     */
    static final class ShiftedComparisonBit extends Component {
        final Input a = input("a", uint(3));
        final Input b = input("b", uint(3));
        final Output y = output("y", uint(4));

        ShiftedComparisonBit() {
            y.set(a.ne(b).bit(0).asUInt().zext(4).shl(2).xor(a.ne(b).bit(0).asUInt().shl(1).zext(4)));
        }
    }

    @Test
    void comparisonBitAsShiftOperandKeepsItsParentheses() {
        ToolRequirement.require("verilator");
        Cosim.assertEquivalent(Elaborator.elaborate(ShiftedComparisonBit::new), new RandomStimulus(1), 200);
    }

    @Test
    void partlyReadInputBeforeAnotherPortKeepsTheCommaBetweenThem() {
        ToolRequirement.require("verilator");
        Design design = Elaborator.elaborate(PartlyReadInputThenAnotherPort::new);
        Cosim.assertEquivalent(design, new RandomStimulus(1), 50);
    }
}
