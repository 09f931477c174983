package dev.tern.verilog;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.catalog.Counter;
import dev.tern.hdl.ir.Clocking;

/** Small designs with an active-low reset, for the emitter's tests and, through the test jar, cosimulation. */
public final class ActiveLowResetDesigns {
    private ActiveLowResetDesigns() {
    }

    /**
     * Clocked by {@code aclk}, reset by {@code aresetn} asserted low: a register with a reset value and an
     * enable ({@code held}, 0xA after reset), one without a reset ({@code last_tick}), and a standard
     * {@link Counter} inside, whose {@code rst} is driven by {@code ~aresetn}.
     */
    public static final class AxiCounter extends Component {
        public final Input tick;
        public final Input load;
        public final Input value;
        public final Output heldOut;
        public final Output count;
        public final Output last;

        public AxiCounter() {
            clocking(Clocking.AXI);
            tick = input("tick", bool());
            load = input("load", bool());
            value = input("value", uint(4));
            Reg held = reg("held", uint(4), 0xA);
            when(load, () -> held.set(value));
            Reg lastTick = reg("last_tick", bool());
            lastTick.set(tick);
            Counter counter = instance("counter", new Counter(4));
            counter.enable.set(tick);
            counter.clear.set(lit(0, bool()));
            heldOut = output("held_out", uint(4));
            heldOut.set(held);
            count = output("count", uint(4));
            count.set(counter.count);
            last = output("last", bool());
            last.set(lastTick);
        }
    }

    /** An {@link AxiCounter} under a top with the standard {@code clk} and {@code rst}, which drives its {@code aresetn} with {@code ~rst}. */
    public static final class StandardTop extends Component {
        public StandardTop() {
            Input tick = input("tick", bool());
            Input load = input("load", bool());
            Input value = input("value", uint(4));
            AxiCounter inner = instance("inner", new AxiCounter());
            inner.tick.set(tick);
            inner.load.set(load);
            inner.value.set(value);
            output("held_out", uint(4)).set(inner.heldOut);
            output("count", uint(4)).set(inner.count);
        }
    }
}
