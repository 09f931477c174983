package dev.tern.accel.rtl;

import dev.tern.accel.TernaryWeightCode;
import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Signal;

/**
 * One lane of a ternary dot product, with no multiplier: weight +1 passes the INT8 activation, weight
 * -1 passes its bitwise inverse {@code ~x = -x - 1} and raises {@code negative}, weight 0 (and the
 * unused code) gives 0. The missing +1 of every negative lane is added once at the adder tree's root
 * by counting the {@code negative} flags, which is cheaper than an incrementer per lane.
 */
public final class TernaryLane extends Component {
    public final Input activation = input("activation", sint(8));
    public final Input code = input("code", uint(TernaryWeightCode.BITS));
    public final Output term = output("term", sint(8));
    public final Output negative = output("negative", bool());

    public TernaryLane() {
        Signal plus = code.eq(TernaryWeightCode.PLUS_ONE);
        Signal minus = code.eq(TernaryWeightCode.MINUS_ONE);
        term.set(mux(plus, activation, mux(minus, activation.not(), lit(0, sint(8)))));
        negative.set(minus);
    }
}
