package dev.tern.testbench.fuzz;

import dev.tern.hdl.ir.BinaryOp;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Expr;
import dev.tern.hdl.ir.ExprWalker;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.UnaryOp;
import dev.tern.verilog.VerilogEmitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomDesignsTest {
    @Test
    void sameSpecGivesTheSameVerilog() {
        FuzzSpec spec = FuzzSpec.full(42, 100);
        VerilogEmitter emitter = VerilogEmitter.withoutSourceLocations();
        assertEquals(emitter.singleFile(RandomDesigns.design(spec)), emitter.singleFile(RandomDesigns.design(spec)));
    }

    @Test
    void twoHundredSeedsCoverEveryOperatorWidthsAcross64BitsHierarchyRegistersAndMemories() {
        Set<BinaryOp> binary = EnumSet.noneOf(BinaryOp.class);
        Set<UnaryOp> unary = EnumSet.noneOf(UnaryOp.class);
        Set<Class<?>> kinds = new java.util.HashSet<>();
        boolean signalShift = false;
        boolean wide = false;
        boolean narrow = false;
        boolean resetReg = false;
        boolean plainReg = false;
        boolean enabledReg = false;
        boolean memory = false;
        int deepest = 0;
        for (long seed = 0; seed < 200; seed++) {
            Design d = RandomDesigns.design(FuzzSpec.full(seed, 10));
            deepest = Math.max(deepest, depth(d.top()));
            for (ModuleDef m : d.modules()) {
                memory |= !m.memories().isEmpty();
                for (var u : m.registerUpdates()) {
                    resetReg |= u.register().hasReset();
                    plainReg |= !u.register().hasReset();
                    enabledReg |= u.enable() != null;
                }
                List<Expr> roots = new ArrayList<>(m.assigns().values());
                m.registerUpdates().forEach(u -> roots.add(u.next()));
                Deque<Expr> work = new ArrayDeque<>(roots);
                while (!work.isEmpty()) {
                    Expr e = work.pop();
                    kinds.add(e.getClass());
                    wide |= e.width() > 64;
                    narrow |= e.width() < 64;
                    if (e instanceof Expr.Binary b) {
                        binary.add(b.op());
                        signalShift |= b.op().isShift() && !(b.right() instanceof Expr.Literal);
                    }
                    if (e instanceof Expr.Unary u) {
                        unary.add(u.op());
                    }
                    work.addAll(ExprWalker.children(e));
                }
            }
        }
        assertEquals(EnumSet.allOf(BinaryOp.class), binary);
        assertEquals(EnumSet.allOf(UnaryOp.class), unary);
        assertTrue(kinds.containsAll(List.of(Expr.Mux.class, Expr.Concat.class, Expr.Slice.class, Expr.Extend.class,
                Expr.Reinterpret.class, Expr.Literal.class)), kinds.toString());
        assertTrue(signalShift && wide && narrow && resetReg && plainReg && enabledReg && memory);
        assertEquals(3, deepest);
    }

    private static int depth(ModuleDef m) {
        return 1 + m.instances().stream().mapToInt(i -> depth(i.module())).max().orElse(0);
    }
}
