package dev.tern.testbench.fuzz;

import dev.tern.testbench.VerilogTool;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FuzzRegressionTest {
    @Test
    void everySavedReproducerNowAgreesWithVerilator() throws IOException {
        ToolRequirement.require("verilator");
        List<FuzzSpec> specs;
        try (InputStream in = getClass().getResourceAsStream("regressions.txt")) {
            specs = FuzzRegressions.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertFalse(specs.isEmpty());
        Fuzzer.BatchResult result = new Fuzzer(VerilogTool.VERILATOR, Path.of("target", "fuzz-mismatches")).run(specs);
        assertEquals(List.of(), result.findings().stream().map(FuzzFinding::describe).toList());
    }

    @Test
    void malformedRegressionLineIsNamedByNumber() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FuzzRegressions.parse("# comment\n\nseed=1 nodes=2 maxWidth=8 depth=1 cycles=5\nseed=x\n"));
        assertEquals("fuzz regressions line 4: fuzz spec 'seed=x': seed is not a number: x", e.getMessage());
    }
}
