package dev.tern.testbench;

/**
 * Cosimulation could not run: a Verilog simulator failed to build or run the design, or its process
 * broke the harness protocol. The message is one line naming the tool and the design; the tool's own
 * output, when there is some, is in {@link #toolOutput()}.
 */
public class CosimException extends RuntimeException {
    private final String toolOutput;

    public CosimException(String message) {
        this(message, "");
    }

    public CosimException(String message, String toolOutput) {
        super(message);
        this.toolOutput = toolOutput;
    }

    public CosimException(String message, Throwable cause) {
        super(message, cause);
        this.toolOutput = "";
    }

    public String toolOutput() {
        return toolOutput;
    }
}
