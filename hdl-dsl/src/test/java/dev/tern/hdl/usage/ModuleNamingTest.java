package dev.tern.hdl.usage;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.ModuleDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** How module definitions are shared and named: by structure, then by class name and declared parameters. */
class ModuleNamingTest {
    /** Inverts or passes its input; only the width is a declared parameter. */
    static final class Stage extends Component {
        final Input a;
        final Output y;

        Stage(int width, boolean invert) {
            parameter("width", width);
            a = input("a", uint(width));
            y = output("y", uint(width));
            y.set(invert ? a.not() : a);
        }
    }

    static final class Pipeline extends Component {
        Pipeline() {
            Input in = input("in", uint(8));
            Output out = output("out", uint(8));
            Stage first = instance("first", new Stage(8, false));
            Stage second = instance("second", new Stage(8, true));
            Stage third = instance("third", new Stage(8, false));
            Stage fourth = instance("fourth", new Stage(8, true));
            first.a.set(in);
            second.a.set(first.y);
            third.a.set(second.y);
            fourth.a.set(third.y);
            out.set(fourth.y);
        }
    }

    @Test
    void equalStructuresShareADefinitionAndDifferentOnesUnderOneNameAreNumbered() {
        Design design = Elaborator.elaborate(Pipeline::new);
        assertEquals(List.of("Stage_width8", "Stage_width8_2", "Pipeline"), design.modules().stream().map(ModuleDef::name).toList());
        List<ModuleDef> used = design.top().instances().stream().map(i -> i.module()).toList();
        assertSame(used.get(0), used.get(2));
        assertSame(used.get(1), used.get(3));
    }

    @Test
    void anonymousComponentsGetALegalName() {
        Design design = Elaborator.elaborate(() -> new Component() {{
            output("y", bool()).set(1);
        }});
        assertEquals("ModuleNamingTest_1", design.name());
    }
}
