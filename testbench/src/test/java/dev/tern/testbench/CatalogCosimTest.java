package dev.tern.testbench;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.stimulus.RandomStimulus;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

class CatalogCosimTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "counter; width=1",
            "counter; width=70",
            "fifo; depth=2 width=1",
            "fifo; depth=16 width=8",
            "fifo; depth=4 width=100",
            "alu; width=1",
            "alu; width=32",
            "alu; width=64",
            "alu; width=65",
            "adder-tree; inputs=2 width=1 stages=1",
            "adder-tree; inputs=8 width=8 stages=2",
            "adder-tree; inputs=4 width=63 stages=1"})
    void catalogDesignMatchesVerilatorEveryCycle(String name, String parameters) {
        ToolRequirement.require("verilator");
        Design design = DesignCatalog.examples().elaborate(name, Arrays.asList(parameters.split(" ")));
        Cosim.assertEquivalent(design, new RandomStimulus(7, 50), 3000);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "counter; width=70",
            "fifo; depth=4 width=100",
            "alu; width=65",
            "adder-tree; inputs=8 width=8 stages=2"})
    void catalogDesignMatchesIcarusEveryCycle(String name, String parameters) {
        ToolRequirement.require("iverilog");
        Design design = DesignCatalog.examples().elaborate(name, Arrays.asList(parameters.split(" ")));
        Cosim.assertEquivalent(design, new RandomStimulus(11, 50), 1000, VerilogTool.ICARUS, List.of());
    }
}
