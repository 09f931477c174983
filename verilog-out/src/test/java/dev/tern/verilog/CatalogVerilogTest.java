package dev.tern.verilog;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.tools.ExternalTool;
import dev.tern.verilog.tools.VerilogChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every catalog design at several parameter sets passes Verilator lint, Yosys synthesis and Icarus
 * compilation, and the default parameterisations match their {@link GoldenVerilog}.
 */
class CatalogVerilogTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "counter    | width=1",
            "counter    | width=8",
            "counter    | width=100",
            "fifo       | depth=2 width=1",
            "fifo       | depth=16 width=8",
            "fifo       | depth=256 width=72",
            "alu        | width=1",
            "alu        | width=8",
            "alu        | width=32",
            "alu        | width=70",
            "adder-tree | inputs=2 width=1 stages=1",
            "adder-tree | inputs=8 width=8 stages=1",
            "adder-tree | inputs=16 width=12 stages=2",
            "adder-tree | inputs=64 width=8 stages=3",
    })
    void catalogDesignPassesLintSynthesisAndIcarus(String name, String params) throws IOException {
        Design design = DesignCatalog.examples().elaborate(name, Arrays.asList(params.split(" ")));
        List<Path> files = new ArrayList<>(VerilogEmitter.withSourceLocations()
                .write(design, dir, VerilogEmitter.Layout.FILE_PER_MODULE).values());
        String top = design.top().name();

        ToolRequirement.require("verilator");
        ExternalTool.Result lint = VerilogChecks.verilatorLint(dir, files, top);
        assertEquals("", lint.output().strip(), "verilator -Wall on " + top);
        ToolRequirement.require("yosys");
        ExternalTool.Result yosys = VerilogChecks.yosys(dir, files, top, "synth");
        assertTrue(yosys.succeeded(), yosys.output());
        ToolRequirement.require("iverilog");
        ExternalTool.Result icarus = VerilogChecks.icarusCompile(dir, files, top);
        assertTrue(icarus.succeeded() && icarus.output().isBlank(), icarus.output());
    }

    @Test
    void singleFileLayoutIsLintClean() throws IOException {
        Design design = DesignCatalog.examples().elaborate("adder-tree", List.of("inputs=8"));
        List<Path> files = new ArrayList<>(VerilogEmitter.withSourceLocations()
                .write(design, dir, VerilogEmitter.Layout.SINGLE_FILE).values());
        ToolRequirement.require("verilator");
        ExternalTool.Result lint = VerilogChecks.verilatorLint(dir, files, design.top().name());
        assertEquals("", lint.output().strip());
    }

    @Test
    void emissionIsDeterministic() {
        for (String name : List.of("counter", "fifo", "alu", "adder-tree")) {
            String first = VerilogEmitter.withSourceLocations().singleFile(DesignCatalog.examples().elaborate(name, List.of()));
            String second = VerilogEmitter.withSourceLocations().singleFile(DesignCatalog.examples().elaborate(name, List.of()));
            assertEquals(first, second, name);
        }
    }

    @Test
    void defaultDesignsMatchGoldenVerilog() throws IOException {
        for (String name : List.of("counter", "fifo", "alu", "adder-tree")) {
            GoldenVerilog.assertMatches(name, VerilogEmitter.withoutSourceLocations()
                    .singleFile(DesignCatalog.examples().elaborate(name, List.of())));
        }
    }
}
