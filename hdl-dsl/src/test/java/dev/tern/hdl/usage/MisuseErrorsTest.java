package dev.tern.hdl.usage;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.HdlException;
import dev.tern.hdl.Input;
import dev.tern.hdl.Mem;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.Signal;
import dev.tern.hdl.SwitchChain;
import dev.tern.hdl.WhenChain;
import dev.tern.hdl.Wire;
import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each mistake a designer can make is reported as an {@link HdlException} whose one-line message
 * starts with the line of this file that made it. {@code mark()} records its own line; it shares
 * that line with the offending call.
 */
class MisuseErrorsTest {
    private static final String FILE = "MisuseErrorsTest.java";
    private int markedLine = -1;

    /** Records the line it is called from as the one the expected error must name. */
    private void mark() {
        markedLine = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }

    private int line(int offsetFromMark) {
        return markedLine + offsetFromMark;
    }

    /** Elaborates {@code design}, expecting an error at the marked line that contains every phrase; returns the message. */
    private String failsAtMark(Supplier<Component> design, String... phrases) {
        HdlException e = assertThrows(HdlException.class, () -> Elaborator.elaborate(design));
        String message = e.getMessage();
        assertTrue(markedLine > 0, "the test never called mark()");
        assertTrue(message.startsWith(FILE + ":" + markedLine + ": "), "expected line " + markedLine + ": " + message);
        assertEquals(new SourceLocation(FILE, markedLine), e.location());
        assertFalse(message.contains("\n"), message);
        for (String phrase : phrases) {
            assertContains(message, phrase);
        }
        return message;
    }

    private static void assertContains(String message, String phrase) {
        assertTrue(message.contains(phrase), "'" + phrase + "' missing from: " + message);
    }

    /** A combinational submodule: {@code y = a}. */
    static final class Passthrough extends Component {
        final Input a;
        final Output y;
        final Wire through;

        Passthrough() {
            a = input("a", uint(8));
            y = output("y", uint(8));
            through = wire("through", uint(8));
            through.set(a);
            y.set(through);
        }
    }

    /** Wraps a {@link Passthrough} named {@code inner}, so that a grandparent can try to reach it. */
    static final class Wrapper extends Component {
        final Passthrough inner;
        final Input a = input("a", uint(8));
        final Output y = output("y", uint(8));

        Wrapper() {
            inner = instance("inner", new Passthrough());
            inner.a.set(a);
            y.set(inner.y);
        }
    }

    /** A submodule whose constructor reads and writes a memory of the component building it. */
    final class ReadsMemory extends Component {
        ReadsMemory(Mem ofParent) {
            Input address = input("address", uint(4));
            Output o = output("o", uint(8));
            mark(); o.set(ofParent.read(address));
        }
    }

    /** A submodule whose constructor wrongly reads a signal of the component building it. */
    final class ReachesOut extends Component {
        ReachesOut(Signal ofParent) {
            Output y = output("y", uint(8));
            mark(); y.set(ofParent);
        }
    }

    @Test
    void widthMismatchInAssignment() {
        failsAtMark(() -> new Component() {{
            Output o = output("o", uint(4));
            Input i = input("i", uint(8));
            mark(); o.set(i);
        }}, "width mismatch", "output o", "UInt(8)", "trunc(4)");
    }

    @Test
    void mixingSignedAndUnsignedOperands() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Input s = input("s", sint(8));
            Output o = output("o", uint(8));
            mark(); o.set(a.add(s));
        }}, "mix signed and unsigned", "UInt(8) and SInt(8)", "asSInt()");
    }

    @Test
    void assigningSignedToUnsigned() {
        failsAtMark(() -> new Component() {{
            Input s = input("s", sint(8));
            Output o = output("o", uint(8));
            mark(); o.set(s);
        }}, "width mismatch", "SInt(8)", "asSInt() or asUInt()");
    }

    @Test
    void undrivenOutput() {
        failsAtMark(() -> new Component() {{
            mark(); Output o = output("o", uint(4));
        }}, "output o", "never driven");
    }

    @Test
    void undrivenWire() {
        failsAtMark(() -> new Component() {{
            Output o = output("o", uint(4));
            mark(); Wire w = wire("w", uint(4));
            o.set(w);
        }}, "wire w", "never driven");
    }

    @Test
    void wireAssignedOnlyInsideWhenWouldBeALatch() {
        failsAtMark(() -> new Component() {{
            Input c = input("c", bool());
            Output o = output("o", uint(4));
            mark(); Wire w = wire("w", uint(4));
            when(c, () -> w.set(3));
            o.set(w);
        }}, "wire w", "not assigned on every path", "latch");
    }

    @Test
    void registerNeverAssigned() {
        failsAtMark(() -> new Component() {{
            Output o = output("o", uint(4));
            mark(); Reg r = reg("r", uint(4), 0);
            o.set(r);
        }}, "register r", "never assigned");
    }

    @Test
    void twoAssignmentsInOneBlock() {
        String message = failsAtMark(() -> new Component() {{
            Input a = input("a", uint(4));
            Output o = output("o", uint(4));
            o.set(a);
            mark(); o.set(a.add(1));
        }}, "multiple drivers", "output o");
        assertContains(message, "already assigned in the same block at " + FILE + ":" + line(-1));
    }

    @Test
    void combinationalLoopShowsItsPath() {
        failsAtMark(() -> new Component() {{
            Output o = output("o", uint(4));
            mark(); Wire a = wire("a", uint(4));
            Wire b = wire("b", uint(4));
            a.set(b.add(1));
            b.set(a.xor(5));
            o.set(a);
        }}, "combinational loop", ": a -> b -> a");
    }

    @Test
    void combinationalLoopThroughASubmodule() {
        failsAtMark(() -> new Component() {{
            Output o = output("o", uint(8));
            mark(); Wire back = wire("back", uint(8));
            Passthrough p = instance("p", new Passthrough());
            p.a.set(back);
            back.set(p.y.add(1));
            o.set(back);
        }}, "combinational loop", "back -> p.a -> p_y -> back");
    }

    @Test
    void readingAnOutputOfASubmoduleNeverInstantiated() {
        failsAtMark(() -> new Component() {{
            Output o = output("o", uint(8));
            Passthrough p = new Passthrough();
            mark(); o.set(p.y);
        }}, "Passthrough", "is being built", "instance(name, component)");
    }

    @Test
    void submoduleConstructedButNeverInstantiated() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Output o = output("o", uint(8));
            o.set(a);
            mark(); new Passthrough();
        }}, "Passthrough is constructed here but never instantiated");
    }

    @Test
    void assigningOwnInput() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Output o = output("o", uint(8));
            o.set(a);
            mark(); a.set(1);
        }}, "input a", "cannot assign its own input");
    }

    @Test
    void assigningAnOutputOfASubmodule() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Output o = output("o", uint(8));
            Passthrough p = instance("p", new Passthrough());
            p.a.set(a);
            mark(); p.y.set(a);
            o.set(a);
        }}, "output y", "submodule p", "the parent can only read it");
    }

    @Test
    void submoduleInputLeftUnconnected() {
        failsAtMark(() -> new Component() {{
            Output o = output("o", uint(8));
            mark(); Passthrough p = instance("p", new Passthrough());
            o.set(p.y);
        }}, "input a of submodule p is not connected");
    }

    @Test
    void literalThatDoesNotFit() {
        failsAtMark(() -> new Component() {{
            Output o = output("o", uint(8));
            mark(); o.set(lit(256, uint(8)));
        }}, "literal 256 does not fit UInt(8) (0..255)");
    }

    @Test
    void negativeOperandForUnsignedSignal() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Output o = output("o", uint(8));
            mark(); o.set(a.add(-1));
        }}, "literal -1 does not fit UInt(8)");
    }

    @Test
    void bitsOutOfRange() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Output o = output("o", uint(8));
            mark(); o.set(a.bits(8, 1));
        }}, "bits(8, 1) outside", "UInt(8)");
    }

    @Test
    void memoryAddressOfTheWrongWidth() {
        failsAtMark(() -> new Component() {{
            Input address = input("address", uint(5));
            Output o = output("o", uint(8));
            Mem m = memory("m", 16, uint(8));
            mark(); o.set(m.read(address));
        }}, "memory m of depth 16 needs a UInt(4) address, got UInt(5)");
    }

    @Test
    void memoryDepthNotAPowerOfTwo() {
        failsAtMark(() -> new Component() {{
            mark(); memory("m", 12, uint(8));
        }}, "memory m", "power of two", "got 12");
    }

    @Test
    void memoryUsedFromAnotherComponent() {
        failsAtMark(() -> new Component() {{
            Mem m = memory("m", 16, uint(8));
            instance("u", new ReadsMemory(m));
        }}, "memory m belongs to", "use it only there");
    }

    @Test
    void duplicateNames() {
        String message = failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            mark(); Wire w = wire("a", uint(8));
        }}, "name 'a' is already used");
        assertContains(message, "(first at " + FILE + ":" + line(-1) + ")");
    }

    @Test
    void instanceNameClashingWithAPort() {
        failsAtMark(() -> new Component() {{
            Input a = input("p", uint(8));
            mark(); instance("p", new Passthrough());
        }}, "name 'p' is already used");
    }

    @Test
    void verilogKeywordAsName() {
        failsAtMark(() -> new Component() {{
            mark(); input("module", uint(8));
        }}, "name 'module' is reserved");
    }

    @Test
    void implicitClockAsName() {
        failsAtMark(() -> new Component() {{
            mark(); input("clk", bool());
        }}, "name 'clk' is reserved");
    }

    @Test
    void clockingDeclaredTwice() {
        String message = failsAtMark(() -> new Component() {{
            reg("r", bool(), 0).set(lit(1, bool()));
            clocking(Clocking.AXI);
            mark(); clocking(Clocking.STANDARD);
        }}, "clocking", "declared twice");
        assertContains(message, "first at " + FILE + ":" + line(-1));
    }

    @Test
    void clockingOfACombinationalModule() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", bool());
            mark(); clocking(Clocking.AXI);
            output("y", bool()).set(a);
        }}, "declares its clock aclk and reset aresetn", "no registers, memories or clocked submodules");
    }

    @Test
    void resetNameTakenByAPort() {
        failsAtMark(() -> new Component() {{
            input("aresetn", bool());
            mark(); clocking(Clocking.AXI);
        }}, "name 'aresetn' is already used");
    }

    @Test
    void portNamedAfterTheDeclaredClock() {
        failsAtMark(() -> new Component() {{
            clocking(Clocking.AXI);
            mark(); input("aclk", bool());
        }}, "name 'aclk' is already used");
    }

    @Test
    void clockNameThatIsNotAnIdentifier() {
        failsAtMark(() -> new Component() {{
            mark(); clocking(new Clocking("a clk", "aresetn", true));
        }}, "name 'a clk' is not an identifier");
    }

    @Test
    void nameThatIsNotAnIdentifier() {
        failsAtMark(() -> new Component() {{
            mark(); wire("2fast", bool());
        }}, "name '2fast' is not an identifier");
    }

    @Test
    void conditionWiderThanOneBit() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(2));
            Output o = output("o", uint(4));
            mark(); when(a, () -> o.set(1)).otherwise(() -> o.set(0));
        }}, "a condition must be a Bool (1 bit), got input a (UInt(2)");
    }

    @Test
    void muxSelectWiderThanOneBit() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(2));
            Output o = output("o", uint(2));
            mark(); o.set(mux(a, a, a));
        }}, "a condition must be a Bool (1 bit), got input a (UInt(2)");
    }

    @Test
    void elseWhenNotDirectlyAfterItsWhen() {
        failsAtMark(() -> new Component() {{
            Input c = input("c", bool());
            Output o = output("o", uint(4));
            Output p = output("p", uint(4));
            WhenChain chain = when(c, () -> o.set(1));
            p.set(2);
            mark(); chain.elseWhen(c.not(), () -> o.set(0));
        }}, "must directly follow its when");
    }

    @Test
    void branchAfterOtherwise() {
        failsAtMark(() -> new Component() {{
            Input c = input("c", bool());
            Output o = output("o", uint(4));
            WhenChain chain = when(c, () -> o.set(1));
            chain.otherwise(() -> o.set(0));
            mark(); chain.elseWhen(c, () -> o.set(2));
        }}, "nothing can follow otherwise");
    }

    @Test
    void switchCaseGivenTwice() {
        failsAtMark(() -> new Component() {{
            Input sel = input("sel", uint(2));
            Output o = output("o", uint(4));
            SwitchChain cases = switchOn(sel).is(1, () -> o.set(1)).is(2, () -> o.set(2));
            mark(); cases.is(1, () -> o.set(3));
        }}, "switch case 1 appears twice");
    }

    @Test
    void switchCaseThatDoesNotFitTheSelector() {
        failsAtMark(() -> new Component() {{
            Input sel = input("sel", uint(2));
            Output o = output("o", uint(4));
            mark(); switchOn(sel).is(4, () -> o.set(1));
        }}, "literal 4 does not fit UInt(2)");
    }

    @Test
    void signalOfAGrandchild() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Output o = output("o", uint(8));
            Wrapper w = instance("w", new Wrapper());
            w.a.set(a);
            mark(); o.set(w.inner.y);
        }}, "output y", "belongs to Passthrough inner", "not to");
    }

    @Test
    void internalWireOfASubmodule() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Output o = output("o", uint(8));
            Passthrough p = instance("p", new Passthrough());
            p.a.set(a);
            mark(); o.set(p.through);
        }}, "wire through", "internal to submodule p");
    }

    @Test
    void readingAnInputOfASubmodule() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Output o = output("o", uint(8));
            Passthrough p = instance("p", new Passthrough());
            p.a.set(a);
            mark(); o.set(p.a);
        }}, "input a of submodule p is driven here, not read");
    }

    @Test
    void submoduleConstructorReadingItsParentsSignal() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            instance("u", new ReachesOut(a));
        }}, "input a", "while ReachesOut", "is being built", "only through its inputs");
    }

    @Test
    void instantiatingOneComponentTwice() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(8));
            Passthrough p = instance("p", new Passthrough());
            p.a.set(a);
            mark(); instance("q", p);
        }}, "already instantiated as p");
    }

    @Test
    void muxOfSignedAndUnsigned() {
        failsAtMark(() -> new Component() {{
            Input c = input("c", bool());
            Input a = input("a", uint(8));
            Input s = input("s", sint(8));
            Output o = output("o", uint(8));
            mark(); o.set(mux(c, a, s));
        }}, "mux branches mix signed and unsigned");
    }

    @Test
    void signalWiderThanTheLimit() {
        failsAtMark(() -> new Component() {{
            Input a = input("a", uint(40000));
            Output o = output("o", uint(8));
            mark(); o.set(a.mul(a).trunc(8));
        }}, "the product would be 80000 bits wide");
    }

    @Test
    void secondClockEnableOnARegister() {
        failsAtMark(() -> new Component() {{
            Input c = input("c", bool());
            Output o = output("o", uint(4));
            Reg r = reg("r", uint(4), 0).enableWhen(c);
            mark(); r.enableWhen(c.not());
        }}, "register r", "already has a clock enable");
    }
}
