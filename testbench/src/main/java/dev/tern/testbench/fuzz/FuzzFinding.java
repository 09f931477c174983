package dev.tern.testbench.fuzz;

import dev.tern.testbench.Mismatch;

/** A design on which the Java engines and the Verilog simulator disagree, and the first disagreement. */
public record FuzzFinding(FuzzSpec spec, Mismatch mismatch) {
    public String describe() {
        return "[" + spec + "] " + mismatch.describe();
    }
}
