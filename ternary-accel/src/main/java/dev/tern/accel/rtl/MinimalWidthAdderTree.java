package dev.tern.accel.rtl;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.ir.HwType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The exact sum of a power-of-two number of words, signed or unsigned, plus one carry bit per word,
 * as a binary tree whose level {@code k} holds values of exactly {@code w + k} bits (the fewest that
 * hold the sum of 2^k words of {@code w} bits).
 *
 * <p>The carries ride on the adders' carry inputs, which cost nothing on an FPGA carry chain: every
 * node of the tree stands for a run of operands and owes the carry of its first one; an adder adds
 * its two children and the carry its right child owes, and owes its left child's. So the {@code 2^k - 1}
 * adders under a level-{@code k} node absorb all its carries but the first, and its value never
 * exceeds {@code w + k} bits (a word plus a carry is at most {@code 2^w}, resp. {@code 2^(w-1)}
 * signed, and that times 2^k, minus the one carry still owed, fits). The root's owed carry, operand
 * 0's, comes out on {@code carry_out}, delayed like the sum: {@code sum + carry_out} is the full total.
 *
 * <p>A register follows every level whose number is a multiple of {@code levelsPerRegister};
 * {@code out_valid} follows {@code in_valid} through the same registers, {@link #latency(int, int)}
 * cycles later.
 */
public final class MinimalWidthAdderTree extends Component {
    public final Input inValid;
    public final List<Input> operands;
    public final List<Input> carries;
    public final Output outValid;
    public final Output sum;
    public final Output carryOut;

    public MinimalWidthAdderTree(int inputs, HwType wordType, int levelsPerRegister) {
        if (inputs < 2 || Integer.bitCount(inputs) != 1) {
            throw new IllegalArgumentException("an adder tree adds a power of two words, at least 2, got " + inputs);
        }
        int levels = Integer.numberOfTrailingZeros(inputs);
        if (levelsPerRegister < 1 || levelsPerRegister > levels) {
            throw new IllegalArgumentException("levels per register must be 1.." + levels + ", got " + levelsPerRegister);
        }
        parameter("inputs", inputs);
        parameter("width", wordType.width());
        parameter("signed", wordType.signed() ? 1 : 0);
        parameter("every", levelsPerRegister);
        inValid = input("in_valid", bool());
        List<Input> ins = new ArrayList<>();
        List<Input> carryIns = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            ins.add(input("operand" + i, wordType));
            carryIns.add(input("carry" + i, bool()));
        }
        operands = Collections.unmodifiableList(ins);
        carries = Collections.unmodifiableList(carryIns);
        outValid = output("out_valid", bool());
        sum = output("sum", wordType.withWidth(wordType.width() + levels));
        carryOut = output("carry_out", bool());

        List<Signal> values = new ArrayList<>(operands);
        List<Signal> owed = new ArrayList<>(carries);
        Signal valid = inValid;
        for (int level = 1; level <= levels; level++) {
            boolean registered = level % levelsPerRegister == 0;
            HwType levelType = wordType.withWidth(wordType.width() + level);
            List<Signal> nextValues = new ArrayList<>();
            List<Signal> nextOwed = new ArrayList<>();
            for (int i = 0; i < values.size() / 2; i++) {
                Signal right = values.get(2 * i + 1);
                Signal carry = owed.get(2 * i + 1).asUInt();
                Signal pair = values.get(2 * i).addWide(right).add(wordType.signed() ? carry.zext(levelType.width()).asSInt()
                        : carry.zext(levelType.width()));
                Signal stillOwed = owed.get(2 * i);
                if (registered) {
                    // Loads only with valid data, so idle cycles do not toggle the tree.
                    Reg heldSum = reg("level" + level + "_sum" + i, levelType);
                    heldSum.enableWhen(valid);
                    heldSum.set(pair);
                    Reg heldCarry = reg("level" + level + "_carry" + i, bool());
                    heldCarry.enableWhen(valid);
                    heldCarry.set(stillOwed);
                    pair = heldSum;
                    stillOwed = heldCarry;
                }
                nextValues.add(pair);
                nextOwed.add(stillOwed);
            }
            if (registered) {
                Reg validHeld = reg("level" + level + "_valid", bool(), 0);
                validHeld.set(valid);
                valid = validHeld;
            }
            values = nextValues;
            owed = nextOwed;
        }
        sum.set(values.get(0));
        carryOut.set(owed.get(0));
        outValid.set(valid);
    }

    /** Cycles from operands to their sum: one per registered level. */
    public static int latency(int inputs, int levelsPerRegister) {
        return Integer.numberOfTrailingZeros(inputs) / levelsPerRegister;
    }
}
