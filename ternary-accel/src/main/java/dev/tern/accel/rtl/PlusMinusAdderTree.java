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
 * The exact sum of a power-of-two number of signed terms, each a signed word and a sign flag
 * ({@code +operand} when {@code positive} is high, {@code -operand} when low), as a binary tree of
 * {@link PlusMinusAdder}s whose level {@code k} holds words of exactly {@code w + k} bits, the fewest that
 * hold a sum of 2^k terms. Every node keeps its left child's flag and the word that counts with it, so
 * no negation is ever carried out: the result is {@code sum} read with the sign {@code positive}.
 *
 * <p>Each adder costs one LUT per bit on an FPGA carry chain with the sign handling folded in (see
 * {@link PlusMinusAdder}), which is why the tree takes its terms in this form rather than as
 * two's-complement values: negating a term before the tree would cost a LUT per bit of its own.
 *
 * <p>A register follows every level whose number is a multiple of {@code levelsPerRegister};
 * {@code out_valid} follows {@code in_valid} through the same registers, {@link #latency(int, int)}
 * cycles later.
 */
public final class PlusMinusAdderTree extends Component {
    public final Input inValid;
    public final List<Input> operands;
    public final List<Input> positives;
    public final Output outValid;
    public final Output sum;
    public final Output positive;

    public PlusMinusAdderTree(int inputs, HwType wordType, int levelsPerRegister) {
        if (inputs < 2 || Integer.bitCount(inputs) != 1) {
            throw new IllegalArgumentException("an adder tree adds a power of two words, at least 2, got " + inputs);
        }
        if (!wordType.signed()) {
            throw new IllegalArgumentException("a plus-minus adder tree adds signed words, got " + wordType);
        }
        int levels = Integer.numberOfTrailingZeros(inputs);
        if (levelsPerRegister < 1 || levelsPerRegister > levels) {
            throw new IllegalArgumentException("levels per register must be 1.." + levels + ", got " + levelsPerRegister);
        }
        parameter("inputs", inputs);
        parameter("width", wordType.width());
        parameter("every", levelsPerRegister);
        inValid = input("in_valid", bool());
        List<Input> ins = new ArrayList<>();
        List<Input> flags = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            ins.add(input("operand" + i, wordType));
            flags.add(input("positive" + i, bool()));
        }
        operands = Collections.unmodifiableList(ins);
        positives = Collections.unmodifiableList(flags);
        outValid = output("out_valid", bool());
        sum = output("sum", wordType.withWidth(wordType.width() + levels));
        positive = output("positive", bool());

        List<Signal> values = new ArrayList<>(operands);
        List<Signal> signs = new ArrayList<>(positives);
        Signal valid = inValid;
        for (int level = 1; level <= levels; level++) {
            boolean registered = level % levelsPerRegister == 0;
            int width = wordType.width() + level;
            List<Signal> nextValues = new ArrayList<>();
            List<Signal> nextSigns = new ArrayList<>();
            for (int i = 0; i < values.size() / 2; i++) {
                PlusMinusAdder adder = instance("level" + level + "_add" + i, new PlusMinusAdder(width - 1));
                adder.a.set(values.get(2 * i));
                adder.aPositive.set(signs.get(2 * i));
                adder.b.set(values.get(2 * i + 1));
                adder.bPositive.set(signs.get(2 * i + 1));
                Signal pair = adder.sum;
                Signal pairSign = signs.get(2 * i);
                if (registered) {
                    // Loads only with valid data, so idle cycles do not toggle the tree.
                    Reg heldSum = reg("level" + level + "_sum" + i, sint(width));
                    heldSum.enableWhen(valid);
                    heldSum.set(pair);
                    Reg heldSign = reg("level" + level + "_positive" + i, bool());
                    heldSign.enableWhen(valid);
                    heldSign.set(pairSign);
                    pair = heldSum;
                    pairSign = heldSign;
                }
                nextValues.add(pair);
                nextSigns.add(pairSign);
            }
            if (registered) {
                Reg validHeld = reg("level" + level + "_valid", bool(), 0);
                validHeld.set(valid);
                valid = validHeld;
            }
            values = nextValues;
            signs = nextSigns;
        }
        sum.set(values.get(0));
        positive.set(signs.get(0));
        outValid.set(valid);
    }

    /** Cycles from operands to their sum: one per registered level. */
    public static int latency(int inputs, int levelsPerRegister) {
        return Integer.numberOfTrailingZeros(inputs) / levelsPerRegister;
    }
}
