package dev.tern.hdl.ir;

/**
 * Something with a name and a value in every cycle that expressions can read: a port, a wire,
 * a register, the data of a memory read port, or an output of a submodule instance.
 */
public sealed interface Net permits Net.Port, Net.Wire, Net.Reg, Net.MemReadData, Net.InstanceOutput {
    String name();

    HwType type();

    SourceLocation location();

    enum Direction { INPUT, OUTPUT }

    record Port(String name, HwType type, Direction direction, SourceLocation location) implements Net {
        public boolean isInput() {
            return direction == Direction.INPUT;
        }
    }

    /** A combinational signal driven by exactly one expression. */
    record Wire(String name, HwType type, SourceLocation location) implements Net {
    }

    /**
     * A register clocked by the module's clock. With a reset value it loads that value while the
     * synchronous, active-high reset is asserted; without one it keeps its value through reset.
     */
    record Reg(String name, HwType type, Bits resetValue, SourceLocation location) implements Net {
        public boolean hasReset() {
            return resetValue != null;
        }
    }

    /** The registered output of a synchronous memory read port. */
    record MemReadData(String name, HwType type, SourceLocation location) implements Net {
    }

    /** An output port of a submodule instance, seen from the parent. */
    record InstanceOutput(String instance, String port, HwType type, SourceLocation location) implements Net {
        @Override
        public String name() {
            return instance + "_" + port;
        }
    }
}
