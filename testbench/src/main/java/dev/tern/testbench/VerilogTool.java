package dev.tern.testbench;

import java.util.Locale;

/** The Verilog simulators the Java simulator is compared with. */
public enum VerilogTool {
    VERILATOR("verilator"), ICARUS("icarus");

    private final String label;

    VerilogTool(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The program that must be installed. */
    public String program() {
        return this == VERILATOR ? "verilator" : "iverilog";
    }

    /** Builds (or finds in the cache) the model of the layout and starts it. */
    public VerilogSimulation start(BusLayout layout) {
        return this == VERILATOR ? VerilatorModel.cached(layout, VerilatorModel.Flavor.COSIM).start() : IcarusModel.cached(layout).start();
    }

    /** {@code verilator} or {@code icarus}, any case. */
    public static VerilogTool byLabel(String label) {
        for (VerilogTool t : values()) {
            if (t.label.equals(label.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown Verilog simulator '" + label + "'; use verilator or icarus");
    }
}
