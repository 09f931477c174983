package dev.tern.hdl;

import dev.tern.hdl.ir.Design;

import java.util.function.Supplier;

/** Turns a component into a checked {@link Design}: {@code Elaborator.elaborate(() -> new Fifo(16, 8))}. */
public final class Elaborator {
    private Elaborator() {
    }

    /**
     * Builds the top component and everything it instantiates, runs the checks and returns the netlist.
     *
     * @throws HdlException naming the user's source line for any mistake in the design
     */
    public static Design elaborate(Supplier<? extends Component> top) {
        return Elaboration.run(top);
    }
}
