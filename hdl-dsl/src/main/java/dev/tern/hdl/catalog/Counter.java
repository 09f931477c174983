package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;

/**
 * An up counter. {@code clear} (synchronous) wins over {@code enable}; {@code wrap} is high in a
 * cycle where the count is enabled at its maximum, so that it reads zero after the edge (the carry
 * into a next counter stage).
 */
public final class Counter extends Component {
    public static final int MAX_WIDTH = 1024;

    public final Input enable;
    public final Input clear;
    public final Output count;
    public final Output wrap;

    public Counter(int width) {
        ParameterChecks.inRange(CounterGenerator.NAME, "width", width, 1, MAX_WIDTH);
        parameter("width", width);
        enable = input("enable", bool());
        clear = input("clear", bool());
        count = output("count", uint(width));
        wrap = output("wrap", bool());

        Reg value = reg("value", uint(width), 0);
        when(clear, () -> value.set(0))
                .elseWhen(enable, () -> value.set(value.add(1)));
        count.set(value);
        wrap.set(enable.and(clear.not()).and(value.andR()));
    }
}
