package dev.tern.sim.compiler;

import dev.tern.sim.netlist.FlatNetlist;

/** One state change of a rising edge, as generated code applies it. */
sealed interface StateUpdate permits StateUpdate.RegisterLoad, StateUpdate.MemoryRead, StateUpdate.MemoryWrite {
    /** The nodes the update reads when applied (its enable, next value, address, data); {@link FlatNetlist#NONE} entries are absent. */
    int[] inputs();

    /** The state node it overwrites, or {@link FlatNetlist#NONE} for a memory write. */
    int target();

    record RegisterLoad(FlatNetlist.Register register) implements StateUpdate {
        @Override
        public int[] inputs() {
            return new int[] {register.next(), register.enable()};
        }

        @Override
        public int target() {
            return register.state();
        }
    }

    record MemoryRead(FlatNetlist.ReadPort port) implements StateUpdate {
        @Override
        public int[] inputs() {
            return new int[] {port.address(), port.enable()};
        }

        @Override
        public int target() {
            return port.data();
        }
    }

    record MemoryWrite(FlatNetlist.WritePort port) implements StateUpdate {
        @Override
        public int[] inputs() {
            return new int[] {port.address(), port.data(), port.enable()};
        }

        @Override
        public int target() {
            return FlatNetlist.NONE;
        }
    }
}
