package dev.tern.hdl.catalog;

import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;

/** One node of an adder tree: the sum of two unsigned words, one bit wider so that it never overflows. */
final class PairAdder extends Component {
    final Input a;
    final Input b;
    final Output sum;

    PairAdder(int width) {
        parameter("width", width);
        a = input("a", uint(width));
        b = input("b", uint(width));
        sum = output("sum", uint(width + 1));
        sum.set(a.addWide(b));
    }
}
