package dev.tern.cli;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.bitnet.backend.AcceleratorMatmul;
import dev.tern.bitnet.backend.AcceleratorSummary;
import dev.tern.bitnet.backend.AcceleratorTrace;
import dev.tern.bitnet.infer.Generation;
import dev.tern.bitnet.infer.GenerationOptions;
import dev.tern.bitnet.infer.Generator;
import dev.tern.bitnet.infer.VerificationReport;
import dev.tern.bitnet.infer.VerifyingMatmul;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.TernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;

import java.util.Locale;

/** A generation whose BitLinear layers run on the accelerator, optionally verified, and its summary. */
final class HardwareRun implements AutoCloseable {
    private final BitNetModel model;
    private final AcceleratorMatmul accelerator;
    private final VerifyingMatmul verifying;
    private final WorkerPool pool;
    private final Terminal terminal;
    private AcceleratorTrace trace;

    private HardwareRun(BitNetModel model, AcceleratorMatmul accelerator, VerifyingMatmul verifying, WorkerPool pool, Terminal terminal) {
        this.model = model;
        this.accelerator = accelerator;
        this.verifying = verifying;
        this.pool = pool;
        this.terminal = terminal;
    }

    static HardwareRun start(BitNetModel model, TernaryMatmul reference, WorkerPool pool, InferenceBackend backend,
                             AcceleratorConfig config, boolean verify, Terminal terminal) {
        AcceleratorMatmul.checkFits(model.config(), config);
        terminal.err().println(String.format(Locale.ROOT, "accelerator: %d lanes x %d rows, a register every %d tree levels,"
                        + " weight SRAM %d words, activation SRAM %d words; building its simulation on %s…",
                config.lanes(), config.rows(), config.pipelineEvery(), config.weightDepth(), config.activationDepth(),
                backend == InferenceBackend.VERILATOR ? "Verilator" : "the compiled Java simulator"));
        AcceleratorMatmul accelerator = AcceleratorMatmul.forModel(model.config(), config, backend.simulate(config));
        VerifyingMatmul verifying = verify ? new VerifyingMatmul(reference, accelerator, VerifyingMatmul.OnMismatch.COUNT) : null;
        return new HardwareRun(model, accelerator, verifying, pool, terminal);
    }

    Generation generate(String prompt, GenerationOptions options) {
        try (SimulationProgress progress = new SimulationProgress(accelerator, new GenerationPrinter(terminal), terminal)) {
            trace = new AcceleratorTrace(accelerator, progress);
            TernaryMatmul matmul = verifying != null ? verifying : accelerator;
            return new Generator(model, matmul, pool).generate(prompt, options, trace);
        }
    }

    AcceleratorSummary summary() {
        return trace.summary(model.config());
    }

    VerificationReport verification() {
        return verifying == null ? null : verifying.report();
    }

    /** Prints the cycle and verification summary; returns the exit code (failure when any output differed). */
    int printSummary(Generation generation, double clockMhz) {
        AcceleratorSummary s = summary();
        terminal.println("");
        terminal.println("tokens generated:        " + generation.tokens().length + " (prompt " + s.promptTokens() + ")");
        VerificationReport v = verification();
        if (v != null) {
            terminal.println("BitLinear calls verified: " + v.calls() + " (" + v.outputs() + " outputs), mismatches: " + v.mismatchingOutputs()
                    + (v.firstMismatch() == null ? "" : "; first: " + v.firstMismatch()));
        }
        terminal.println(String.format(Locale.ROOT, "simulated cycles:        prefill %,d; decode %,.0f per token",
                s.prefillCycles(), s.decodeCyclesPerToken()));
        for (AcceleratorSummary.ShapeLine line : s.shapes()) {
            terminal.println(String.format(Locale.ROOT, "  %-16s %5d x %-5d %,12d cycles, %,10.0f per token and layer",
                    line.projections(), line.rows(), line.cols(), line.cycles(), line.cyclesPerVector()));
        }
        terminal.println(String.format(Locale.ROOT, "projected at %.0f MHz:    %,.1f tokens/s (BitLinear layers on the accelerator)",
                clockMhz, s.projectedTokensPerSecond(clockMhz)));
        return v != null && !v.bitExact() ? Tern.FAILED : Tern.OK;
    }

    @Override
    public void close() {
        accelerator.close();
    }
}
