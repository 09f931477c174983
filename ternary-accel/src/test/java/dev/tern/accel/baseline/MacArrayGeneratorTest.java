package dev.tern.accel.baseline;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.AcceleratorConfigException;
import dev.tern.accel.WeightEncoding;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Net;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void bothUnitsHaveTheTernaryUnitsControlPortsAndTheirOwnWordWidths() {
        MacArrayConfig int8 = new MacArrayConfig(MacPrecision.INT8, 4, 3, 16, 4);
        MacArrayConfig fp16 = new MacArrayConfig(MacPrecision.FP16, 4, 3, 16, 4);
        Design int8Design = Elaborator.elaborate(() -> new MacArrayUnit(int8));
        Design fp16Design = Elaborator.elaborate(() -> new MacArrayUnit(fp16));
        assertEquals(portNames(int8Design), portNames(fp16Design));
        Design ternary = Elaborator.elaborate(() -> new TernaryMatmulUnit(new AcceleratorConfig(16, 3, 1, WeightEncoding.TWO_BIT, 16, 4)));
        assertEquals(portNames(ternary), portNames(int8Design));
        assertEquals(96, width(int8Design, "weight_in_data"));
        assertEquals(192, width(fp16Design, "weight_in_data"));
        assertEquals(96, width(int8Design, "result_out_data"));
        assertEquals(48, width(fp16Design, "result_out_data"));
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

    private static List<String> portNames(Design design) {
        return design.top().ports().stream().map(Net.Port::name).collect(Collectors.toList());
    }

    private static int width(Design design, String port) {
        return design.top().ports().stream().filter(p -> p.name().equals(port)).findFirst().orElseThrow().type().width();
    }
}
