package dev.tern.cli;

import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.TernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;

import java.util.Arrays;
import java.util.Locale;

/** What computes the ternary matmuls of {@code tern infer}: {@code --backend NAME}. */
enum InferenceBackend {
    /** The bitnet module's exact multithreaded Java matmul. */
    REFERENCE(null),
    /** The accelerator's RTL in the Java simulator. */
    RTL("the accelerator's RTL does not drive inference yet"),
    /** The accelerator's Verilog compiled by Verilator. */
    VERILATOR("the accelerator's Verilog is not built into a Verilator model for inference yet");

    private final String unavailableBecause;

    InferenceBackend(String unavailableBecause) {
        this.unavailableBecause = unavailableBecause;
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InferenceBackend parse(String name) {
        return Arrays.stream(values())
                .filter(b -> b.cliName().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new UsageException("unknown backend '" + name + "'; backends: "
                        + String.join(", ", Arrays.stream(values()).map(InferenceBackend::cliName).toList())));
    }

    TernaryMatmul matmul(WorkerPool pool) {
        if (unavailableBecause != null) {
            throw new UsageException("backend '" + cliName() + "' is not available yet: " + unavailableBecause
                    + "; use --backend reference");
        }
        return new ReferenceTernaryMatmul(pool);
    }
}
