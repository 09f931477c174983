package dev.tern.verilog.tools;

/** An external program Tern needs is not installed; the message says which package provides it. */
public class ToolMissingException extends RuntimeException {
    private final String program;

    public ToolMissingException(String program) {
        super(program + " is not installed (Debian/Ubuntu: apt-get install " + ExternalTool.packageFor(program)
                + "; or run ./scripts/test, which installs it)");
        this.program = program;
    }

    public String program() {
        return program;
    }
}
