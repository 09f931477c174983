package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pipelined adder tree: the full-precision sum of {@code inputs} unsigned words of {@code width}
 * bits, {@code width + log2(inputs)} bits wide. Level {@code k} (one {@code AdderTreeLevel}, made of
 * {@code PairAdder}s) halves the number of values and widens them by one bit. A register follows
 * every {@code levelsPerStage}-th level and the last one, and {@code out_valid} follows
 * {@code in_valid} through the same registers, {@link #latency()} cycles later.
 */
public final class AdderTree extends Component {
    public static final int MAX_INPUTS = 4096;
    public static final int MAX_WIDTH = 1024;

    public final Input inValid;
    public final List<Input> operands;
    public final Output outValid;
    public final Output sum;
    private final int latency;

    public AdderTree(int inputs, int width, int levelsPerStage) {
        ParameterChecks.powerOfTwo(AdderTreeGenerator.NAME, "inputs", inputs, 2, MAX_INPUTS);
        ParameterChecks.inRange(AdderTreeGenerator.NAME, "width", width, 1, MAX_WIDTH);
        int levels = Integer.numberOfTrailingZeros(inputs);
        ParameterChecks.inRange(AdderTreeGenerator.NAME, "stages (levels per pipeline stage)", levelsPerStage, 1, levels);
        parameter("inputs", inputs);
        parameter("width", width);
        parameter("stages", levelsPerStage);
        inValid = input("in_valid", bool());
        List<Input> ins = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            ins.add(input("operand" + i, uint(width)));
        }
        operands = Collections.unmodifiableList(ins);
        outValid = output("out_valid", bool());
        sum = output("sum", uint(width + levels));

        List<? extends Signal> values = operands;
        Signal valid = inValid;
        int registeredLevels = 0;
        for (int level = 1; level <= levels; level++) {
            boolean registered = level % levelsPerStage == 0 || level == levels;
            AdderTreeLevel stage = instance("level" + level, new AdderTreeLevel(values.size(), width + level - 1, registered));
            stage.inValid.set(valid);
            for (int i = 0; i < values.size(); i++) {
                stage.operands.get(i).set(values.get(i));
            }
            values = stage.sums;
            valid = stage.outValid;
            registeredLevels += registered ? 1 : 0;
        }
        sum.set(values.get(0));
        outValid.set(valid);
        latency = registeredLevels;
    }

    /** Cycles from operands with {@code in_valid} to their sum with {@code out_valid}. */
    public int latency() {
        return latency;
    }
}
