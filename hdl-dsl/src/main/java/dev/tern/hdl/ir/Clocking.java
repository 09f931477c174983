package dev.tern.hdl.ir;

import java.util.Objects;

/**
 * The implicit clock and reset ports of a clocked module: their names and the level at which the reset
 * is asserted. The clock always acts on its rising edge and the reset is always synchronous; only the
 * names and the reset's polarity vary, so that a module can present the ports a block design expects.
 *
 * @param clock          the clock port's name
 * @param reset          the reset port's name
 * @param resetActiveLow whether the reset is asserted at 0 (as AXI's {@code ARESETn}) rather than at 1
 */
public record Clocking(String clock, String reset, boolean resetActiveLow) {
    /** Tern's default: {@code clk}, and {@code rst} asserted high. */
    public static final Clocking STANDARD = new Clocking("clk", "rst", false);

    /**
     * AMBA AXI's global clock and reset ({@code ACLK}, {@code ARESETn}, asserted low) spelt as Xilinx IP
     * spells them, {@code aclk} and {@code aresetn}: Vivado's block designs infer a clock and an active-low
     * reset interface from these names.
     */
    public static final Clocking AXI = new Clocking("aclk", "aresetn", true);

    public Clocking {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(reset, "reset");
        if (clock.equals(reset)) {
            throw new IllegalArgumentException("clock and reset are both named '" + clock + "'");
        }
    }

    /** The reset input's level (0 or 1) while the reset is asserted, or, for {@code false}, while it is not. */
    public int resetLevel(boolean asserted) {
        return asserted != resetActiveLow ? 1 : 0;
    }

    /** Whether the reset input at {@code level} (its bit 0) asserts the reset. */
    public boolean resetAsserted(long level) {
        return ((level & 1) != 0) != resetActiveLow;
    }

    /** The polarity in words: {@code active high} or {@code active low}. */
    public String resetPolarity() {
        return resetActiveLow ? "active low" : "active high";
    }

    /** {@code clock: clk (rising edge); reset: rst (synchronous, active high)}, as documentation headers say it. */
    public String describe() {
        return "clock: " + clock + " (rising edge); reset: " + reset + " (synchronous, " + resetPolarity() + ")";
    }
}
