package dev.tern.sim.compiler;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Reg;
import dev.tern.sim.TestDesignsAccess;
import dev.tern.sim.bench.TernaryDotProductTree;
import dev.tern.sim.engine.SlotLayout;
import dev.tern.sim.netlist.FlatNetlist;
import dev.tern.sim.netlist.Flattener;
import dev.tern.sim.netlist.Node;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneGroupsTest {

    @Test
    void everyLevelOfSixteenOrMoreAddersIsOneLoopOverConsecutiveSlots() {
        FlatNetlist netlist = Flattener.flatten(TernaryDotProductTree.design(64));
        LaneGroups.Plan plan = LaneGroups.of(netlist);
        assertEquals(Set.of("p0_", "p1_", "p2_"), groupNames(netlist, plan), "levels of 64, 32 and 16 registers");
        JavaCodeGenerator.Generated generated = JavaCodeGenerator.generate(netlist, "Tree", 2500);
        for (LaneGroup group : plan.groups()) {
            assertConsecutive(generated.layout(), group.targets());
            for (int p : group.reachedPositions()) {
                if (group.isLaneOperand(netlist, p)) {
                    assertConsecutive(generated.layout(), group.nodes()[p]);
                }
            }
        }
        int loops = generated.source().split("for \\(int i = 0;", -1).length - 1;
        int fieldLoops = generated.source().split("final long window = ", -1).length - 1;
        assertEquals(3, loops - fieldLoops, "one loop per level, besides the loops extracting the lanes' fields");
    }

    @Test
    void loopsNeverReadLanesTheyHaveAlreadyOverwritten() {
        FlatNetlist netlist = Flattener.flatten(Elaborator.elaborate(TestDesignsAccess::laneShapes));
        LaneGroups.Plan plan = LaneGroups.of(netlist);
        assertEquals(Set.of("acc", "tap", "row0_", "row1_", "mix", "plus0_", "plus1_", "minus0_", "minus1_", "pair0_", "pair1_"),
                groupNames(netlist, plan),
                "the accumulators, taps, rows, mixes, flags and pair sums are loops; the shifted chain and the rotation are not");
    }

    @Test
    void longExpressionsRunAsSeveralLoopsPassingValuesThroughConsecutiveSlots() {
        FlatNetlist netlist = Flattener.flatten(Elaborator.elaborate(TestDesignsAccess::laneShapes));
        LaneGroups.Plan plan = LaneGroups.of(netlist);
        JavaCodeGenerator.Generated generated = JavaCodeGenerator.generate(netlist, "Shapes", 2500);
        List<LaneGroup> pairSums = groupsOf(netlist, plan, "pair");
        assertEquals(2, pairSums.size(), "a loop per row");
        for (LaneGroup group : pairSums) {
            assertTrue(group.loopEnds().length >= 1, "the adder is computed by more than one loop");
            boolean[] materialised = group.materialised();
            int passed = 0;
            for (int p = 0; p < materialised.length; p++) {
                if (materialised[p]) {
                    assertConsecutive(generated.layout(), group.nodes()[p]);
                    passed++;
                }
            }
            assertTrue(passed >= 1, "a later loop reads what an earlier one computed");
        }
    }

    @Test
    void registersThatOtherLoopsReadAsSeveralBlocksAreALoopPerBlock() {
        FlatNetlist netlist = Flattener.flatten(Elaborator.elaborate(TestDesignsAccess::laneShapes));
        LaneGroups.Plan plan = LaneGroups.of(netlist);
        List<LaneGroup> plusFlags = groupsOf(netlist, plan, "plus");
        assertEquals(List.of(16, 16), plusFlags.stream().map(LaneGroup::lanes).toList(),
                "the flags of both rows are one candidate, laid out by each row's adders");
    }

    private static List<LaneGroup> groupsOf(FlatNetlist netlist, LaneGroups.Plan plan, String prefix) {
        return plan.groups().stream()
                .filter(g -> netlist.registers().stream().anyMatch(r -> r.state() == g.targets()[0] && r.name().startsWith(prefix)))
                .toList();
    }

    @Test
    void rowsReadingTheSameOperandsAreSeparateLoops() {
        FlatNetlist netlist = Flattener.flatten(Elaborator.elaborate(TestDesignsAccess::laneShapes));
        long rowLoops = LaneGroups.of(netlist).groups().stream()
                .filter(g -> netlist.registers().stream().anyMatch(r -> r.state() == g.targets()[0] && r.name().startsWith("row")))
                .peek(g -> assertEquals(16, g.lanes()))
                .count();
        assertEquals(2, rowLoops);
    }

    /**
     * Two interleaved chains: {@code x_i} loads {@code y_i + 1}, {@code y_i} loads {@code x_(i+1) + 1}; each
     * register reads the other chain's state directly (through an adder, so without a copy of it).
     */
    static final class InterleavedChains extends Component {
        InterleavedChains() {
            Input in = input("in", uint(4));
            List<Reg> x = new ArrayList<>();
            List<Reg> y = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                x.add(reg("x" + i, uint(4)));
                y.add(reg("y" + i, uint(4)));
            }
            for (int i = 0; i < 16; i++) {
                x.get(i).set(y.get(i).add(1));
                y.get(i).set((i < 15 ? x.get(i + 1) : in).add(1));
            }
            output("last", uint(4)).set(x.get(0));
        }
    }

    @Test
    void loopsThatMustEachGoFirstHaveNoSchedule() {
        FlatNetlist netlist = Flattener.flatten(Elaborator.elaborate(InterleavedChains::new));
        LaneGroup xs = increments(netlist, "x", 0, 16);
        LaneGroup ys = increments(netlist, "y", 0, 15);
        assertNotNull(EdgeSchedule.withLoops(netlist, List.of(xs)), "one loop of the two fits in");
        assertNull(EdgeSchedule.withLoops(netlist, List.of(xs, ys)),
                "x reads y before y's loop and y reads x before x's loop");
    }

    /** A group of the registers {@code prefix<from>..} that load another register's value plus a constant. */
    private static LaneGroup increments(FlatNetlist netlist, String prefix, int from, int lanes) {
        int[] targets = new int[lanes];
        int[][] nodes = new int[3][lanes];
        for (int lane = 0; lane < lanes; lane++) {
            String name = prefix + (from + lane);
            FlatNetlist.Register r = netlist.registers().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
            Node.Binary sum = (Node.Binary) netlist.node(r.next());
            targets[lane] = r.state();
            nodes[0][lane] = sum.left();
            nodes[1][lane] = sum.right();
            nodes[2][lane] = r.next();
        }
        return new LaneGroup(targets, nodes, new int[][] {{}, {}, {0, 1}}, FlatNetlist.NONE, null);
    }

    /** The register name prefixes (without the lane number) of each group. */
    private static Set<String> groupNames(FlatNetlist netlist, LaneGroups.Plan plan) {
        Map<Integer, String> names = netlist.registers().stream()
                .collect(Collectors.toMap(FlatNetlist.Register::state, FlatNetlist.Register::name));
        Function<Integer, String> prefix = state -> names.get(state).replaceAll("[0-9]+$", "");
        Set<String> prefixes = new TreeSet<>();
        for (LaneGroup group : plan.groups()) {
            Set<String> inGroup = java.util.Arrays.stream(group.targets()).boxed().map(prefix).collect(Collectors.toSet());
            assertEquals(1, inGroup.size(), "one kind of register per group: " + inGroup);
            prefixes.addAll(inGroup);
        }
        return prefixes;
    }

    private static void assertConsecutive(SlotLayout layout, int[] lanes) {
        for (int lane = 1; lane < lanes.length; lane++) {
            assertEquals(layout.offset(lanes[0]) + lane, layout.offset(lanes[lane]), "lane " + lane + " of " + List.of(lanes.length));
        }
    }
}
