package dev.tern.cli;


import java.util.Arrays;
import java.util.Locale;

/** What computes the ternary matmuls of {@code tern infer}: {@code --backend NAME}. */
enum InferenceBackend {
    /** The bitnet module's exact multithreaded Java matmul. */
    REFERENCE(null),
    /** The accelerator's RTL in the compiled Java simulator. */
    RTL(null),
    /** The accelerator's Verilog compiled by Verilator. */
    VERILATOR("the accelerator's Verilog is not built into a Verilator model for inference yet");

    private final String unavailableBecause;

    InferenceBackend(String unavailableBecause) {
        this.unavailableBecause = unavailableBecause;
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isHardware() {
        return this != REFERENCE;
    }

    static InferenceBackend parse(String name) {
        InferenceBackend backend = Arrays.stream(values())
                .filter(b -> b.cliName().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new UsageException("unknown backend '" + name + "'; backends: "
                        + String.join(", ", Arrays.stream(values()).map(InferenceBackend::cliName).toList())));
        if (backend.unavailableBecause != null) {
            throw new UsageException("backend '" + backend.cliName() + "' is not available yet: " + backend.unavailableBecause
                    + "; use --backend reference or rtl");
        }
        return backend;
    }
}
