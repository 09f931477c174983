package dev.tern.sim.compiler;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Reg;
import dev.tern.sim.bench.TernaryDotProductTree;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Flattener;
import dev.tern.sim.netlist.Node;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneFieldsTest {

    @Test
    void aTreesActivationsAndWeightCodesAreExtractedByVectorLoopsInTheOrderItsLevelsAskFor() {
        FlatNetlist netlist = Flattener.flatten(TernaryDotProductTree.design(64));
        List<LaneFields> extractions = LaneFields.of(netlist, LaneGroups.of(netlist).blocks());
        assertEquals(List.of(2, 8), extractions.stream().map(LaneFields::width).sorted().toList(), "the codes and the activations");
        for (LaneFields fields : extractions) {
            assertEquals(64, fields.runs().length * fields.chunk(), "every lane");
            assertFieldsAt(netlist, fields);
        }
    }

    @Test
    void fieldsInAnOrderWithoutRunsOfCommonShiftsStayScalar() {
        FlatNetlist netlist = Flattener.flatten(TernaryDotProductTree.design(64));
        int[] scrambled = slicesOf(netlist, "activations", new int[] {0, 9, 18, 27, 36, 45, 54, 63, 1, 10, 19, 28, 37, 46, 55, 62});
        assertTrue(LaneFields.of(netlist, List.<int[]>of(scrambled)).isEmpty());
        int[] twoRuns = slicesOf(netlist, "activations", new int[] {0, 8, 16, 24, 32, 40, 48, 56, 1, 9, 17, 25, 33, 41, 49, 57});
        LaneFields fields = LaneFields.of(netlist, List.<int[]>of(twoRuns)).get(0);
        assertEquals(8, fields.chunk(), "eight windows, each holding a lane of both runs");
        assertFieldsAt(netlist, fields);
    }

    /** Lane fields whose windows would have to be wider than 64 bits. */
    static final class FarApart extends Component {
        FarApart() {
            Input bus = input("bus", uint(8 * 64));
            for (int i = 0; i < 16; i++) {
                int lane = (i % 8) + (i / 8) * 56;
                Reg r = reg("r" + i, uint(8));
                r.set(bus.bits(8 * lane + 7, 8 * lane).add(1));
                output("o" + i, uint(8)).set(r);
            }
        }
    }

    @Test
    void runsFurtherApartThanAWindowStayScalar() {
        FlatNetlist netlist = Flattener.flatten(Elaborator.elaborate(FarApart::new));
        assertTrue(LaneFields.of(netlist, LaneGroups.of(netlist).blocks()).isEmpty());
    }

    /** Every field is where the windows and shifts say. */
    private static void assertFieldsAt(FlatNetlist netlist, LaneFields fields) {
        for (int r = 0; r < fields.runs().length; r++) {
            int shift = fields.runShift()[r];
            assertTrue(shift + fields.width() <= 64, "inside its window");
            for (int t = 0; t < fields.chunk(); t++) {
                Node.Slice slice = (Node.Slice) netlist.node(fields.runs()[r][t]);
                assertEquals(fields.bus(), slice.operand());
                assertEquals(slice.low(), fields.windowStart()[t] + shift, "run " + r + " place " + t);
            }
        }
    }

    /** The slice nodes of the given byte lanes of a bus input, in that order. */
    private static int[] slicesOf(FlatNetlist netlist, String bus, int[] lanes) {
        int busNode = netlist.ports().stream().filter(p -> p.name().equals(bus)).findFirst().orElseThrow().node();
        int[] nodes = new int[lanes.length];
        for (int i = 0; i < lanes.length; i++) {
            int low = 8 * lanes[i];
            nodes[i] = java.util.stream.IntStream.range(0, netlist.nodes().size())
                    .filter(n -> netlist.node(n) instanceof Node.Slice s && s.operand() == busNode && s.low() == low && s.width() == 8)
                    .findFirst().orElseThrow();
        }
        return nodes;
    }
}
