package dev.tern.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of one iCE40 resource a synthesised design needs and how much the device has.
 *
 * @param atLeast true when {@code needed} is a lower bound (logic cells: packing may need more)
 */
public record Ice40Need(String resource, long needed, long available, boolean atLeast) {

    public boolean fits() {
        return needed <= available;
    }

    /** {@code 40 block RAMs (SB_RAM40_4K) of 30}. */
    @Override
    public String toString() {
        return (atLeast ? "at least " : "") + needed + " " + resource + " of " + available;
    }

    /**
     * The needs of a synthesised iCE40 netlist on {@code device}: logic cells (at least the larger of
     * the LUT and flip-flop counts, since each cell holds one of each), block RAMs, DSPs and SPRAMs.
     */
    public static List<Ice40Need> of(ResourceCounts cells, Ice40Device device) {
        List<Ice40Need> needs = new ArrayList<>();
        needs.add(new Ice40Need("logic cells (ICESTORM_LC)", Math.max(cells.luts(), cells.flipFlops()), device.logicCells(), true));
        needs.add(new Ice40Need("block RAMs (SB_RAM40_4K)", cells.ofType("SB_RAM40_4K") + cells.ofType("SB_RAM40_4KNR")
                + cells.ofType("SB_RAM40_4KNW") + cells.ofType("SB_RAM40_4KNRNW"), device.blockRams(), false));
        needs.add(new Ice40Need("DSPs (SB_MAC16)", cells.ofType("SB_MAC16"), device.dsps(), false));
        needs.add(new Ice40Need("SPRAMs (SB_SPRAM256KA)", cells.ofType("SB_SPRAM256KA"), device.spRams(), false));
        return List.copyOf(needs);
    }
}
