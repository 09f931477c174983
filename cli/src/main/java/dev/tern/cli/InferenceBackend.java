package dev.tern.cli;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.CycleSimulation;
import dev.tern.sim.Simulator;
import dev.tern.testbench.VerilatorCycleSimulation;

import java.util.Arrays;
import java.util.Locale;

/** What computes the ternary matmuls of {@code tern infer}: {@code --backend NAME}. */
enum InferenceBackend {
    /** The bitnet module's exact multithreaded Java matmul. */
    REFERENCE,
    /** The accelerator's RTL in the compiled Java simulator. */
    RTL,
    /** The accelerator's emitted Verilog, Verilated: slower to start and to run, for small models. */
    VERILATOR;

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isHardware() {
        return this != REFERENCE;
    }

    /** The accelerator of {@code config} running on this backend's engine. */
    CycleSimulation simulate(AcceleratorConfig config) {
        Design design = Elaborator.elaborate(() -> new TernaryMatmulUnit(config));
        switch (this) {
            case RTL:
                return Simulator.compile(design);
            case VERILATOR:
                return VerilatorCycleSimulation.start(design);
            default:
                throw new IllegalStateException("the " + cliName() + " backend runs no hardware");
        }
    }

    static InferenceBackend parse(String name) {
        return Arrays.stream(values())
                .filter(b -> b.cliName().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new UsageException("unknown backend '" + name + "'; backends: "
                        + String.join(", ", Arrays.stream(values()).map(InferenceBackend::cliName).toList())));
    }
}
