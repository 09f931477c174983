package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One level of an {@link AdderTree}: operands {@code 2i} and {@code 2i+1} go into the {@code PairAdder}
 * that drives {@code sum_i}. A registered level holds its sums and valid in registers (one cycle of
 * latency); an unregistered one passes them straight on.
 */
final class AdderTreeLevel extends Component {
    final Input inValid;
    final List<Input> operands;
    final Output outValid;
    final List<Output> sums;

    AdderTreeLevel(int operandCount, int width, boolean registered) {
        parameter("operands", operandCount);
        parameter("width", width);
        parameter("registered", registered ? 1 : 0);
        inValid = input("in_valid", bool());
        List<Input> ins = new ArrayList<>();
        for (int i = 0; i < operandCount; i++) {
            ins.add(input("operand" + i, uint(width)));
        }
        operands = Collections.unmodifiableList(ins);
        outValid = output("out_valid", bool());
        List<Output> outs = new ArrayList<>();
        for (int i = 0; i < operandCount / 2; i++) {
            outs.add(output("sum" + i, uint(width + 1)));
        }
        sums = Collections.unmodifiableList(outs);

        for (int i = 0; i < sums.size(); i++) {
            PairAdder adder = instance("adder" + i, new PairAdder(width));
            adder.a.set(operands.get(2 * i));
            adder.b.set(operands.get(2 * i + 1));
            if (registered) {
                // Sums load only with valid data, so idle cycles do not toggle the registers.
                Reg sumQ = reg("sum" + i + "_q", uint(width + 1));
                when(inValid, () -> sumQ.set(adder.sum));
                sums.get(i).set(sumQ);
            } else {
                sums.get(i).set(adder.sum);
            }
        }
        if (registered) {
            Reg validQ = reg("valid_q", bool(), 0);
            validQ.set(inValid);
            outValid.set(validQ);
        } else {
            outValid.set(inValid);
        }
    }
}
