package dev.tern.testbench;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.Simulator;
import dev.tern.sim.stimulus.RandomStimulus;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CatalogCosimTest {
    /** Each catalog design at parameters on both sides of its corner cases: widths of 1, 64 and beyond. */
    private static final List<String> PARAMETER_SETS = List.of(
            "counter width=1",
            "counter width=70",
            "fifo depth=2 width=1",
            "fifo depth=16 width=8",
            "fifo depth=4 width=100",
            "alu width=1",
            "alu width=32",
            "alu width=64",
            "alu width=65",
            "adder-tree inputs=2 width=1 stages=1",
            "adder-tree inputs=8 width=8 stages=2",
            "adder-tree inputs=4 width=63 stages=1");

    private static Design elaborate(String nameAndParameters) {
        List<String> words = Arrays.asList(nameAndParameters.split(" "));
        return DesignCatalog.examples().elaborate(words.get(0), words.subList(1, words.size()));
    }

    @Test
    void catalogDesignsAtSeveralParameterSetsMatchVerilatorEveryCycleInOneModel() {
        ToolRequirement.require("verilator");
        List<Cosimulation.Side> sides = new ArrayList<>();
        for (int i = 0; i < PARAMETER_SETS.size(); i++) {
            Simulator sim = Simulator.compile(elaborate(PARAMETER_SETS.get(i)));
            sides.add(new Cosimulation.Side(List.of(sim), new RandomStimulus(7 + i, 50), List.of()));
        }
        Cosimulation cosim = new Cosimulation(sides, Path.of("target", "cosim-mismatches", "catalog"));
        List<Mismatch> mismatches;
        try (VerilogSimulation verilator = VerilogTool.VERILATOR.start(cosim.layout())) {
            mismatches = cosim.runAll(verilator, 5000);
        }
        assertEquals(List.of(), mismatches.stream().map(Mismatch::describe).toList());
    }

    @Test
    void oneLineHelperComparesProbedRegistersToo() {
        ToolRequirement.require("verilator");
        Cosim.assertEquivalent(elaborate("fifo depth=4 width=8"), new RandomStimulus(5, 20), 2000, VerilogTool.VERILATOR,
                List.of("write_address", "read_address", "head_valid"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"counter width=70", "fifo depth=4 width=100", "alu width=65", "adder-tree inputs=8 width=8 stages=2"})
    void catalogDesignMatchesIcarusEveryCycle(String nameAndParameters) {
        ToolRequirement.require("iverilog");
        Cosim.assertEquivalent(elaborate(nameAndParameters), new RandomStimulus(11, 50), 1000, VerilogTool.ICARUS, List.of());
    }
}
