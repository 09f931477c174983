package dev.tern.sim.bench;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.ir.Design;

import java.util.ArrayList;
import java.util.List;

/**
 * A pipelined ternary dot product, the kernel of a BitNet b1.58 accelerator: {@code lanes} INT8
 * activations times ternary weights, summed by a binary adder tree with a register after every
 * level.
 *
 * <p>Ports: {@code activations} packs the INT8 activation of lane {@code i} in bits {@code 8i+7..8i};
 * {@code weights} packs its 2-bit weight code in bits {@code 2i+1..2i}: code 0 is -1, 1 is 0, 2 is +1 and
 * 3 is 0. Each lane selects {@code +x}, {@code 0} or {@code -x} (9 bits, so that -(-128) fits); each tree
 * level adds pairs one bit wider. {@code sum} (SInt(9 + log2 lanes)) is the dot product of the inputs
 * {@code log2(lanes) + 1} cycles earlier, and {@code out_valid} is {@code in_valid} delayed as much
 * (cleared by reset).
 */
public final class TernaryDotProductTree extends Component {
    /** Benchmark names of these trees: {@code ternary-tree-<lanes>}. */
    public static final String NAME_PREFIX = "ternary-tree-";

    public TernaryDotProductTree(int lanes) {
        if (lanes < 2 || Integer.bitCount(lanes) != 1) {
            throw new IllegalArgumentException("lanes must be a power of two of at least 2, got " + lanes);
        }
        parameter("lanes", lanes);
        Input activations = input("activations", uint(8 * lanes));
        Input weights = input("weights", uint(2 * lanes));
        Input inValid = input("in_valid", bool());

        List<Signal> level = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            Signal x = activations.bits(8 * lane + 7, 8 * lane).asSInt().sext(9);
            Signal code = weights.bits(2 * lane + 1, 2 * lane);
            Signal term = mux(code.eq(2), x, mux(code.eq(0), x.neg(), lit(0, sint(9))));
            Reg product = reg("p0_" + lane, sint(9));
            product.set(term);
            level.add(product);
        }
        Reg valid = reg("valid0", bool(), 0);
        valid.set(inValid);
        int depth = 0;
        while (level.size() > 1) {
            depth++;
            List<Signal> next = new ArrayList<>();
            for (int pair = 0; pair < level.size() / 2; pair++) {
                Signal sum = level.get(2 * pair).addWide(level.get(2 * pair + 1));
                Reg stage = reg("p" + depth + "_" + pair, sum.type());
                stage.set(sum);
                next.add(stage);
            }
            Reg stageValid = reg("valid" + depth, bool(), 0);
            stageValid.set(valid);
            valid = stageValid;
            level = next;
        }
        Output sum = output("sum", level.get(0).type());
        sum.set(level.get(0));
        output("out_valid", bool()).set(valid);
    }

    /** The elaborated tree. */
    public static Design design(int lanes) {
        return Elaborator.elaborate(() -> new TernaryDotProductTree(lanes));
    }
}
