package com.example;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;

/** The DSL example of the README, kept here so that a test holds the README to the real output. */
public final class Counter extends Component {
    public final Input enable = input("enable", bool());
    public final Output count;

    public Counter(int width) {
        parameter("width", width);
        count = output("count", uint(width));
        Reg value = reg("value", uint(width), 0);          // synchronous reset to 0
        when(enable, () -> value.set(value.add(1)));         // add wraps at the operand width
        count.set(value);
    }
}
