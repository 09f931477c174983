package dev.tern.accel.axi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.EmittedVerilog;
import dev.tern.accel.TernaryMatmulGenerator;
import dev.tern.accel.WeightEncoding;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.VerilogEmitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wrapper's Verilog and catalog entry: aclk and aresetn, Verilator -Wall clean, Icarus compiles, no DSP after
 * synth_xilinx, a manifest with the clocking and the register map.
 */
class TernaryMatmulAxiVerilogTest {
    @TempDir
    Path dir;

    @Test
    void wrapperIsLintCleanCompilesAndSynthesisesWithoutDsp() throws IOException {
        AcceleratorConfig config = new AcceleratorConfig(16, 2, 2, WeightEncoding.BASE3, 16, 8);
        Design design = Elaborator.elaborate(() -> new TernaryMatmulAxi(config));
        List<Path> files = EmittedVerilog.write(design, dir);
        String top = design.top().name();
        String verilog = VerilogEmitter.withoutSourceLocations().singleFile(design);
        assertTrue(verilog.contains("module " + top + " (\n    input  wire aclk,\n    input  wire aresetn,\n"),
                "AXI's clock and active-low reset come first");
        assertTrue(verilog.contains(".clk(aclk),\n        .rst(~aresetn),"), "the unit inside keeps clk and rst");

        EmittedVerilog.assertLintCleanAndCompiles(dir, files, top);
        EmittedVerilog.assertMapsToLutsWithoutDsp(dir, files, top);
    }

    @Test
    void catalogEntryBuildsTheWrapperAndItsManifestHoldsTheRegisterMap() throws IOException {
        TernaryMatmulAxiGenerator generator = new TernaryMatmulAxiGenerator();
        DesignCatalog catalog = DesignCatalog.examples().with(generator);
        List<String> assignments = List.of("lanes=32", "rows=2", "weight-depth=64", "activation-depth=16");
        Design design = catalog.elaborate(TernaryMatmulAxiGenerator.DESIGN, assignments);
        assertEquals("TernaryMatmulAxi_lanes32_rows2_every2_encodingtwo_bit_wdepth64_adepth16", design.top().name());
        assertEquals(2 * 64, design.top().port("s_axis_weight_tdata").type().width());
        assertEquals(8 * 32, design.top().port("s_axis_activation_tdata").type().width());
        assertEquals(1, design.top().port("m_axis_result_tlast").type().width());

        AcceleratorConfig config = TernaryMatmulGenerator.config(DesignParameters.parse(generator, assignments));
        JsonNode manifest = new ObjectMapper().readTree(new TernaryMatmulAxiManifest(config, design).write(dir).toFile());
        assertEquals("ternary-matmul-axi", manifest.path("design").asText());
        assertEquals("ternary-matmul", manifest.path("wraps").asText());
        assertEquals(32, manifest.path("parameters").path("lanes").asInt());
        JsonNode registers = manifest.path("axi4_lite").path("registers");
        assertEquals(AxiRegister.values().length, registers.size());
        assertEquals("IN_TILES", registers.get(4).path("name").asText());
        assertEquals("0x10", registers.get(4).path("offset").asText());
        assertEquals("read-write", registers.get(4).path("access").asText());
        assertEquals("write-one-to-clear", registers.get(9).path("access").asText());
        boolean awaddr = false;
        for (JsonNode port : manifest.path("ports")) {
            awaddr |= port.path("name").asText().equals("s_axi_awaddr") && port.path("width").asInt() == AxiRegister.ADDRESS_BITS;
        }
        assertTrue(awaddr, "s_axi_awaddr among " + manifest.path("ports"));
        assertEquals("aclk", manifest.path("clocking").path("clock").asText());
        assertEquals("aresetn (synchronous, active low)", manifest.path("clocking").path("reset").asText());
    }
}
