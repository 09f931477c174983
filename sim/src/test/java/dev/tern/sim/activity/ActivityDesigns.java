package dev.tern.sim.activity;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Mem;
import dev.tern.hdl.Reg;
import dev.tern.hdl.catalog.Counter;

/** Small designs whose activity is worked out by hand in the tests. */
final class ActivityDesigns {
    private ActivityDesigns() {
    }

    /** A 2-bit counter instance {@code u_count} and a 4-bit register {@code held} loading {@code data} when {@code load}. */
    static final class CountAndHold extends Component {
        CountAndHold() {
            Input enable = input("enable", bool());
            Input load = input("load", bool());
            Input data = input("data", uint(4));
            Counter counter = instance("u_count", new Counter(2));
            counter.enable.set(enable);
            counter.clear.set(lit(0, bool()));
            output("count", uint(2)).set(counter.count);
            Reg held = reg("held", uint(4));
            held.enableWhen(load);
            held.set(data);
            output("held_out", uint(4)).set(held);
        }
    }

    /** An 8 x 12-bit memory written when {@code we}, read when {@code re}. */
    static final class Buffer extends Component {
        Buffer() {
            Input addr = input("addr", uint(3));
            Input data = input("data", uint(12));
            Input we = input("we", bool());
            Input re = input("re", bool());
            Mem words = memory("words", 8, uint(12));
            words.write(addr, data, we.and(addr.ne(7)));
            output("q", uint(12)).set(words.read(addr, re));
        }
    }
}
