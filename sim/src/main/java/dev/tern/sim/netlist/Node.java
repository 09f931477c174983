package dev.tern.sim.netlist;

import dev.tern.hdl.ir.BinaryOp;
import dev.tern.hdl.ir.Bits;
import dev.tern.hdl.ir.UnaryOp;

import java.util.Arrays;

/**
 * One value of the flattened design, computed every cycle (or held, for state). Operands are the
 * indices of other nodes of the same {@link FlatNetlist}, always smaller than the index of the node that
 * reads them. Types are reduced to widths: the signedness an operator needs is part of the node.
 */
public sealed interface Node permits Node.Input, Node.State, Node.Constant, Node.Unary, Node.Binary, Node.Mux,
        Node.Concat, Node.Slice, Node.Extend, Node.Copy {

    int width();

    /** The operand node indices, in the order the operator reads them. */
    int[] operands();

    /** True for values that are not computed from other nodes: inputs and state. */
    default boolean isLeaf() {
        return this instanceof Input || this instanceof State;
    }

    /** A top-level input port (or the reset), set by the user between cycles. */
    record Input(String name, int width) implements Node {
        @Override
        public int[] operands() {
            return new int[0];
        }
    }

    /** A register or the data of a memory read port: changes only at a rising edge. */
    record State(String name, int width) implements Node {
        @Override
        public int[] operands() {
            return new int[0];
        }
    }

    record Constant(Bits value) implements Node {
        @Override
        public int width() {
            return value.width();
        }

        @Override
        public int[] operands() {
            return new int[0];
        }
    }

    record Unary(UnaryOp op, int operand, int width) implements Node {
        @Override
        public int[] operands() {
            return new int[] {operand};
        }
    }

    /** @param signed whether the operands are read as two's complement (for MUL and the ordering comparisons) */
    record Binary(BinaryOp op, int left, int right, boolean signed, int width) implements Node {
        @Override
        public int[] operands() {
            return new int[] {left, right};
        }
    }

    record Mux(int select, int whenTrue, int whenFalse, int width) implements Node {
        @Override
        public int[] operands() {
            return new int[] {select, whenTrue, whenFalse};
        }
    }

    /** Concatenation, most significant part first. */
    record Concat(int[] parts, int width) implements Node {
        public Concat {
            parts = parts.clone();
        }

        @Override
        public int[] operands() {
            return parts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Concat c && c.width == width && Arrays.equals(c.parts, parts);
        }

        @Override
        public int hashCode() {
            return 31 * width + Arrays.hashCode(parts);
        }

        @Override
        public String toString() {
            return "Concat" + Arrays.toString(parts);
        }
    }

    /** Bits {@code low + width - 1} down to {@code low} of the operand. */
    record Slice(int operand, int low, int width) implements Node {
        @Override
        public int[] operands() {
            return new int[] {operand};
        }
    }

    /** Widening by copies of the operand's top bit ({@code signed}) or by zeros. */
    record Extend(int operand, boolean signed, int width) implements Node {
        @Override
        public int[] operands() {
            return new int[] {operand};
        }
    }

    /**
     * The operand's value in this cycle, kept apart from it: feeds a register or memory port that would
     * otherwise read state that the same rising edge overwrites.
     */
    record Copy(int operand, int width) implements Node {
        @Override
        public int[] operands() {
            return new int[] {operand};
        }
    }
}
