package dev.tern.hdl.ir;

/**
 * How a register changes at each rising edge: while reset is asserted it loads its reset value (if it
 * has one); otherwise, when {@code enable} is true (or always, when it is null), it loads {@code next}.
 */
public record RegisterUpdate(Net.Reg register, Expr next, Expr enable) {
    public RegisterUpdate {
        if (!next.type().equals(register.type())) {
            throw new IllegalArgumentException("register " + register.name() + " of " + register.type() + " gets " + next.type());
        }
        if (enable != null && enable.width() != 1) {
            throw new IllegalArgumentException("register enable must be 1 bit wide");
        }
    }
}
