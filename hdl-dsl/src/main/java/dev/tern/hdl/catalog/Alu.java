package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.SwitchChain;
import dev.tern.hdl.Wire;

/**
 * An arithmetic and logic unit with a registered output: every {@link AluOp} is computed from
 * {@code a} and {@code b} and the op code selects one through a multiplexer. The result of a cycle
 * with {@code in_valid} appears on {@code result} in the next cycle, with {@code out_valid}. Op codes
 * without an operation give zero.
 */
public final class Alu extends Component {
    public static final int MAX_WIDTH = 1024;

    public final Input op;
    public final Input a;
    public final Input b;
    public final Input inValid;
    public final Output result;
    public final Output outValid;

    public Alu(int width) {
        ParameterChecks.inRange(AluGenerator.NAME, "width", width, 1, MAX_WIDTH);
        parameter("width", width);
        op = input("op", uint(AluOp.CODE_WIDTH));
        a = input("a", uint(width));
        b = input("b", uint(width));
        inValid = input("in_valid", bool());
        result = output("result", uint(width));
        outValid = output("out_valid", bool());

        Wire selected = wire("selected", uint(width));
        SwitchChain decode = switchOn(op);
        for (AluOp operation : AluOp.values()) {
            decode.is(operation.code(), () -> selected.set(operation.apply(a, b)));
        }
        decode.otherwise(() -> selected.set(0));

        // The data register loads only with valid input, so idle cycles do not toggle it.
        Reg resultQ = reg("result_q", uint(width));
        when(inValid, () -> resultQ.set(selected));
        Reg validQ = reg("valid_q", bool(), 0);
        validQ.set(inValid);

        result.set(resultQ);
        outValid.set(validQ);
    }
}
