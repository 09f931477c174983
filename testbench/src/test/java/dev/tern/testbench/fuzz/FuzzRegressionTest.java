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
import static org.junit.jupiter.api.Assertions.assertThrows;

class FuzzRegressionTest {
    private List<FuzzRegressions.Entry> saved() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("regressions.txt")) {
            return FuzzRegressions.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everySavedReproducerNowAgreesWithVerilator() throws IOException {
        ToolRequirement.require("verilator");
        List<FuzzSpec> specs = saved().stream().map(FuzzRegressions.Entry::spec).toList();
        assertFalse(specs.isEmpty());
        Fuzzer.BatchResult result = new Fuzzer(VerilogTool.VERILATOR, Path.of("target", "fuzz-mismatches")).run(specs);
        assertEquals(List.of(), result.findings().stream().map(FuzzFinding::describe).toList());
    }

    /** A generator change would make a saved spec draw another design, and its reproducer would be lost unnoticed. */
    @Test
    void everySavedSpecStillDrawsTheDesignItWasSavedWith() throws IOException {
        for (FuzzRegressions.Entry entry : saved()) {
            assertEquals(entry.fingerprint(), RandomDesigns.fingerprint(entry.spec()), "regressions line " + entry.line()
                    + " (" + entry.spec() + "): the generator now draws another design, or the emitter writes it differently;"
                    + " check that it still reproduces what it caught, then update its fingerprint or drop the line");
        }
    }

    @Test
    void malformedRegressionLineIsNamedByNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FuzzRegressions.parse("# comment\n\nseed=1 nodes=2 maxWidth=8 depth=1 cycles=5 design=0123456789ab\nseed=x design=1\n"));
        assertEquals("fuzz regressions line 4: fuzz spec 'seed=x': seed is not a number: x", e.getMessage());
        IllegalArgumentException unprinted = assertThrows(IllegalArgumentException.class,
                () -> FuzzRegressions.parse("seed=1 nodes=2 maxWidth=8 depth=1 cycles=5\n"));
        assertEquals("fuzz regressions line 1: no design= fingerprint of the design the spec drew", unprinted.getMessage());
    }

    @Test
    void aSavedLineReadsBackAsItsSpecAndFingerprint() {
        FuzzSpec spec = new FuzzSpec(3, 4, 20, 1, 7).cutting(List.of("m.n1"));
        String line = spec + " design=" + RandomDesigns.fingerprint(spec) + "  # what it caught";
        FuzzRegressions.Entry entry = FuzzRegressions.parse(line).get(0);
        assertEquals(spec, entry.spec());
        assertEquals(RandomDesigns.fingerprint(spec), entry.fingerprint());
    }
}
