package dev.tern.hdl;

import dev.tern.hdl.ir.Net;

/**
 * A register on the component's clock. Assignments give the value after the next rising edge; a
 * cycle in which no assignment applies keeps the old value. See {@link Component#reg} for reset and
 * {@link #enableWhen} for a clock enable.
 */
public final class Reg extends Assignable {
    Signal enable;

    Reg(Component owner, Net.Reg reg) {
        super(owner, reg);
    }

    /** Updates only in cycles where {@code condition} is true (a clock enable, on top of any when blocks). */
    public Reg enableWhen(Signal condition) {
        Elaboration.setEnable(this, condition, SourceLocator.caller());
        return this;
    }

    @Override
    String kindName() {
        return "register";
    }
}
