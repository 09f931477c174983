package dev.tern.testbench.fuzz;

import dev.tern.testbench.VerilogTool;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FixedSeedFuzzTest {
    private static final int BATCHES = 4;
    private static final int DESIGNS_PER_BATCH = 50;
    private static final int CYCLES = 200;

    @Test
    void twoHundredRandomDesignsAgreeOnInterpreterCompiledEngineAndVerilator() {
        ToolRequirement.require("verilator");
        Fuzzer fuzzer = new Fuzzer(VerilogTool.VERILATOR, Path.of("target", "fuzz-mismatches"));
        List<String> findings = new ArrayList<>();
        int designs = 0;
        for (int b = 0; b < BATCHES; b++) {
            Fuzzer.BatchResult result = fuzzer.run(Fuzzer.batch(1000L * b, DESIGNS_PER_BATCH, CYCLES));
            designs += result.designs();
            result.findings().forEach(f -> findings.add(f.describe()));
        }
        assertEquals(BATCHES * DESIGNS_PER_BATCH, designs);
        assertEquals(List.of(), findings);
    }
}
