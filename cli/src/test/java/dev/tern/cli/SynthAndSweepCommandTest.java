package dev.tern.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The commands' one-line errors; the flows themselves are tested in the synth module, where the tools are required. */
class SynthAndSweepCommandTest {
    @Test
    void synthWithAnUnknownTargetIsOneLine() {
        assertEquals("tern: unknown synthesis target 'ecp5'; targets: xilinx, ice40, generic",
                TernRunner.run("synth", "counter", "--target", "ecp5").errorLine());
    }

    @Test
    void synthDeviceWithoutIce40IsAUsageError() {
        assertEquals("tern: --device and --package are for --target ice40",
                TernRunner.run("synth", "counter", "--target", "xilinx", "--device", "hx8k").errorLine());
    }

    @Test
    void sweepParameterWithoutValuesIsOneLine() {
        assertEquals("tern: sweep parameter 'lanes' is not of the form name=v1,v2,...",
                TernRunner.run("sweep", "--design", "ternary-matmul", "--param", "lanes", "--out", "unused").errorLine());
    }

    @Test
    void sweepOfAnUnknownDesignListsTheKnownOnes() {
        String error = TernRunner.run("sweep", "--design", "nope", "--param", "x=1", "--out", "unused").errorLine();
        assertEquals(true, error.startsWith("tern: unknown design 'nope'; known designs: counter, fifo"), error);
    }
}
