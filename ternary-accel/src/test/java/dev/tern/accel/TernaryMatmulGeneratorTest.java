package dev.tern.accel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.catalog.ParameterException;
import dev.tern.hdl.ir.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TernaryMatmulGeneratorTest {
    private static final DesignCatalog CATALOG = DesignCatalog.examples().with(new TernaryMatmulGenerator());

    @TempDir
    Path dir;

    @Test
    void catalogBuildsTheUnitFromParameters() {
        Design design = CATALOG.elaborate("ternary-matmul", List.of("lanes=16", "rows=2", "pipeline=4", "encoding=base3"));
        assertEquals("TernaryMatmulUnit_lanes16_rows2_every4_encodingbase3_wdepth1024_adepth64", design.top().name());
        assertEquals(2 * 8 * 4, design.top().port("weight_in_data").type().width());
    }

    @Test
    void brokenLimitsAreOneLineErrorsNamingTheParameter() {
        assertEquals("ternary-matmul: lanes must be a power of two from 16 to 1024, got 48",
                assertThrows(ParameterException.class, () -> CATALOG.elaborate("ternary-matmul", List.of("lanes=48"))).getMessage());
        assertEquals("ternary-matmul: encoding must be two-bit or base3, got 'ternary'",
                assertThrows(ParameterException.class, () -> CATALOG.elaborate("ternary-matmul", List.of("encoding=ternary"))).getMessage());
        assertEquals("ternary-matmul: pipeline (adder-tree levels per register) must be from 1 to 6 for 64 lanes, got 7",
                assertThrows(ParameterException.class, () -> CATALOG.elaborate("ternary-matmul", List.of("pipeline=7"))).getMessage());
        assertEquals("ternary-matmul: weight-depth must be a power of two from 2 to 65536, got 1000",
                assertThrows(ParameterException.class, () -> CATALOG.elaborate("ternary-matmul", List.of("weight-depth=1000"))).getMessage());
    }

    @Test
    void manifestDescribesParametersPortsMemoriesAndCycles() throws IOException {
        TernaryMatmulGenerator generator = new TernaryMatmulGenerator();
        DesignParameters parameters = DesignParameters.parse(generator, List.of("lanes=32", "rows=3", "pipeline=2", "weight-depth=128"));
        AcceleratorConfig config = TernaryMatmulGenerator.config(parameters);
        Design design = CATALOG.elaborate("ternary-matmul", List.of("lanes=32", "rows=3", "pipeline=2", "weight-depth=128"));
        Path file = new TernaryMatmulManifest(config, design).write(dir);

        JsonNode manifest = new ObjectMapper().readTree(file.toFile());
        assertEquals("ternary-matmul", manifest.path("design").asText());
        assertEquals(32, manifest.path("parameters").path("lanes").asInt());
        assertEquals("two-bit", manifest.path("parameters").path("encoding").asText());
        JsonNode weightData = null;
        for (JsonNode port : manifest.path("ports")) {
            if (port.path("name").asText().equals("weight_in_data")) {
                weightData = port;
            }
        }
        assertEquals(3 * 64, weightData.path("width").asInt());
        assertEquals("input", weightData.path("direction").asText());
        boolean weightSram = false;
        for (JsonNode memory : manifest.path("memories")) {
            if (memory.path("name").asText().equals("weight_sram")) {
                weightSram = true;
                assertEquals(2 * 128, memory.path("depth").asInt(), "two banks of weight-depth words");
                assertEquals(2 * 128L * 192, memory.path("total_bits").asLong());
            }
        }
        assertTrue(weightSram, manifest.toString());
        for (JsonNode memory : manifest.path("memories")) {
            if (memory.path("name").asText().equals("activation_sram")) {
                assertEquals(2 * 64, memory.path("depth").asInt(), "two banks of activation-depth words");
            }
        }
        // 32 lanes, a register every 2 levels: the lane registers, 2 tree registers, SRAM, FIFO in and out.
        assertEquals(6, manifest.path("cycle_formula").path("constant").asInt());
        assertEquals(TernaryMatmulUnit.jobCycles(config, 5, 7) - 35, manifest.path("cycle_formula").path("constant").asLong());
        assertEquals("ceil(out/3) * ceil(in/32) + 6", manifest.path("cycle_formula").path("formula").asText());
    }
}
