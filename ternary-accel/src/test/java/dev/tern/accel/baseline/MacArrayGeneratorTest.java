package dev.tern.accel.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.AcceleratorConfigException;
import dev.tern.accel.WeightEncoding;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Net;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MacArrayGeneratorTest {
    @Test
    void generatorsAreNamedAfterTheirPrecisionAndBuildTheirParameters() {
        MacArrayGenerator int8 = new MacArrayGenerator(MacPrecision.INT8);
        MacArrayGenerator fp16 = new MacArrayGenerator(MacPrecision.FP16);
        assertEquals("int8-mac", int8.name());
        assertEquals("fp16-mac", fp16.name());
        DesignParameters parameters = DesignParameters.parse(fp16, List.of("lanes=8", "rows=2", "weight-depth=32"));
        assertEquals(new MacArrayConfig(MacPrecision.FP16, 8, 2, 32, 64), fp16.config(parameters));
    }

    @Test
    void bothUnitsHaveTheTernaryUnitsStreamsAndControlPortsAndTheirOwnWordWidths() {
        MacArrayConfig int8 = new MacArrayConfig(MacPrecision.INT8, 4, 3, 16, 4);
        MacArrayConfig fp16 = new MacArrayConfig(MacPrecision.FP16, 4, 3, 16, 4);
        Design int8Design = Elaborator.elaborate(() -> new MacArrayUnit(int8));
        Design fp16Design = Elaborator.elaborate(() -> new MacArrayUnit(fp16));
        assertEquals(ports(int8Design).keySet(), ports(fp16Design).keySet());
        Map<String, Net.Port> ternary = ports(Elaborator.elaborate(
                () -> new TernaryMatmulUnit(new AcceleratorConfig(16, 3, 1, WeightEncoding.TWO_BIT, 16, 4))));
        for (Net.Port port : ports(int8Design).values()) {
            Net.Port same = ternary.get(port.name());
            assertNotNull(same, "the ternary unit has no port " + port.name());
            assertEquals(same.isInput(), port.isInput(), port.name());
            if (!port.name().endsWith("_data")) {
                assertEquals(same.type().width(), port.type().width(), port.name());
            }
        }
        assertEquals(96, width(int8Design, "weight_in_data"));
        assertEquals(192, width(fp16Design, "weight_in_data"));
        assertEquals(96, width(int8Design, "result_out_data"));
        assertEquals(48, width(fp16Design, "result_out_data"));
    }

    @Test
    void manifestDescribesTheFormatsTheDoubleBufferedSramsAndTheCycleFormula(@TempDir Path dir) throws IOException {
        MacArrayConfig config = new MacArrayConfig(MacPrecision.FP16, 4, 3, 16, 4);
        Design design = Elaborator.elaborate(() -> new MacArrayUnit(config));
        JsonNode manifest = new ObjectMapper().readTree(new MacArrayManifest(config, design).write(dir).toFile());
        assertEquals("fp16-mac", manifest.path("design").asText());
        assertEquals(design.top().name(), manifest.path("top").asText());
        assertEquals(3, manifest.path("parameters").path("rows").asInt());
        assertEquals(design.top().ports().size(), manifest.path("ports").size());
        boolean weightSram = false;
        for (JsonNode memory : manifest.path("memories")) {
            if (memory.path("name").asText().equals("weight_sram")) {
                weightSram = true;
                assertEquals(2 * 16, memory.path("depth").asInt(), "two banks of weight-depth words");
            }
        }
        assertTrue(weightSram, manifest.toString());
        long constant = MacArrayUnit.jobCycles(config, 0, 0);
        assertEquals(constant, manifest.path("cycle_formula").path("constant").asLong());
        assertEquals("ceil(out/3) * ceil(in/4) + " + constant, manifest.path("cycle_formula").path("formula").asText());
        assertEquals("row r of the group: IEEE half in bits 16r+15..16r", manifest.path("words").path("result").asText());
        assertEquals("lane i: IEEE half (bit pattern) in bits 16i+15..16i", manifest.path("words").path("activation").asText());
    }

    @Test
    void configurationOutsideTheLimitsNamesTheDesignAndTheParameter() {
        assertEquals("int8-mac: lanes must be a power of two from 2 to 1024, got 12",
                assertThrows(AcceleratorConfigException.class, () -> new MacArrayConfig(MacPrecision.INT8, 12, 1, 16, 16)).getMessage());
        assertEquals("fp16-mac: rows must be from 1 to 32, got 0",
                assertThrows(AcceleratorConfigException.class, () -> new MacArrayConfig(MacPrecision.FP16, 16, 0, 16, 16)).getMessage());
        assertEquals("fp16-mac: activation-depth must be a power of two from 2 to 65536, got 3",
                assertThrows(AcceleratorConfigException.class, () -> new MacArrayConfig(MacPrecision.FP16, 16, 1, 16, 3)).getMessage());
    }

    private static Map<String, Net.Port> ports(Design design) {
        Map<String, Net.Port> ports = new LinkedHashMap<>();
        design.top().ports().forEach(p -> ports.put(p.name(), p));
        return ports;
    }

    private static int width(Design design, String port) {
        return design.top().ports().stream().filter(p -> p.name().equals(port)).findFirst().orElseThrow().type().width();
    }
}
