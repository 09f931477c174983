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
 * The exact sum of a power-of-two number of words, signed or unsigned, as a binary tree whose level
 * {@code k} holds values of exactly {@code w + k} bits (the fewest that hold the sum of 2^k words
 * of {@code w} bits). A register follows every level whose number is a multiple of
 * {@code levelsPerRegister}; {@code out_valid} follows {@code in_valid} through the same registers,
 * {@link #latency(int, int)} cycles later. A tree of 1-bit unsigned words is a population count.
 */
public final class MinimalWidthAdderTree extends Component {
    public final Input inValid;
    public final List<Input> operands;
    public final Output outValid;
    public final Output sum;

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
        for (int i = 0; i < inputs; i++) {
            ins.add(input("operand" + i, wordType));
        }
        operands = Collections.unmodifiableList(ins);
        outValid = output("out_valid", bool());
        sum = output("sum", wordType.withWidth(wordType.width() + levels));

        List<Signal> values = new ArrayList<>(operands);
        Signal valid = inValid;
        for (int level = 1; level <= levels; level++) {
            boolean registered = level % levelsPerRegister == 0;
            HwType levelType = wordType.withWidth(wordType.width() + level);
            List<Signal> next = new ArrayList<>();
            for (int i = 0; i < values.size() / 2; i++) {
                Signal pair = values.get(2 * i).addWide(values.get(2 * i + 1));
                if (registered) {
                    // Loads only with valid data, so idle cycles do not toggle the tree.
                    Reg held = reg("level" + level + "_sum" + i, levelType);
                    held.enableWhen(valid);
                    held.set(pair);
                    pair = held;
                }
                next.add(pair);
            }
            if (registered) {
                Reg validHeld = reg("level" + level + "_valid", bool(), 0);
                validHeld.set(valid);
                valid = validHeld;
            }
            values = next;
        }
        sum.set(values.get(0));
        outValid.set(valid);
    }

    /** Cycles from operands to their sum: one per registered level. */
    public static int latency(int inputs, int levelsPerRegister) {
        return Integer.numberOfTrailingZeros(inputs) / levelsPerRegister;
    }
}
