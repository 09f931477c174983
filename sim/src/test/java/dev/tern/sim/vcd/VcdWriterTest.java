package dev.tern.sim.vcd;

import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Reg;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VcdWriterTest {
    static final class Tick extends Component {
        final Input enable = input("enable", bool());
        final Output count = output("count", uint(3));

        Tick() {
            Reg value = reg("value", uint(3), 0);
            when(enable, () -> value.set(value.add(1)));
            count.set(value);
        }
    }

    static final class Top extends Component {
        Top() {
            Input go = input("go", bool());
            Output total = output("total", uint(4));
            Tick tick = instance("u_tick", new Tick());
            tick.enable.set(go);
            total.set(tick.count.zext(4).add(1));
        }
    }

    static Design design() {
        return Elaborator.elaborate(Top::new);
    }

    @Test
    void hierarchicalCounterWaveformMatchesGoldenText() {
        for (Simulator sim : new Simulator[] {Simulator.interpret(design()), Simulator.compile(design())}) {
            StringWriter text = new StringWriter();
            VcdWriter vcd = VcdWriter.attach(sim, text, "memory", VcdSelection.all());
            sim.reset();
            sim.poke("go", 1);
            sim.step(2);
            vcd.close();
            assertEquals("""
                    $version Tern sim $end
                    $timescale 1ns $end
                    $scope module Top $end
                    $var wire 1 ! clk $end
                    $var wire 1 " rst $end
                    $var wire 1 # go $end
                    $var wire 4 $ total [3:0] $end
                    $var wire 3 % u_tick_count [2:0] $end
                    $scope module u_tick $end
                    $var wire 1 ! clk $end
                    $var wire 1 " rst $end
                    $var wire 1 # enable $end
                    $var wire 3 % count [2:0] $end
                    $var wire 3 % value [2:0] $end
                    $upscope $end
                    $upscope $end
                    $enddefinitions $end
                    #0
                    $dumpvars
                    1!
                    1"
                    0#
                    b1 $
                    b0 %
                    $end
                    #5
                    0!
                    #10
                    1!
                    0"
                    1#
                    #15
                    0!
                    #20
                    1!
                    b10 $
                    b1 %
                    #25
                    0!
                    #30
                    1!
                    b11 $
                    b10 %
                    """, text.toString(), sim.engine());
        }
    }

    @Test
    void selectionKeepsMatchingSignalsAndTheirScopes(@TempDir Path dir) throws IOException {
        Simulator sim = Simulator.compile(design());
        Path file = dir.resolve("waves/top.vcd");
        try (sim) {
            VcdWriter.open(sim, file, VcdSelection.of(List.of("u_tick.c*")));
            sim.reset();
            sim.poke("go", 1);
            sim.step(3);
        }
        String text = Files.readString(file);
        assertTrue(text.contains("$scope module Top $end\n$var wire 1 ! clk $end\n$scope module u_tick $end\n"
                + "$var wire 1 ! clk $end\n$var wire 3 \" count [2:0] $end\n$upscope $end\n$upscope $end\n"), text);
        assertTrue(text.endsWith("#40\n1!\nb11 \"\n"), text);
    }

    @Test
    void patternMatchingNothingIsNamed() {
        Simulator sim = Simulator.interpret(design());
        SimulationException e = assertThrows(SimulationException.class,
                () -> VcdWriter.attach(sim, new StringWriter(), "memory", VcdSelection.of(List.of("u_tock.*"))));
        assertEquals("waveform selection 'u_tock.*' matches no signal of Top", e.getMessage());
    }
}
