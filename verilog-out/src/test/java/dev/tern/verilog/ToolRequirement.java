package dev.tern.verilog;

import dev.tern.verilog.tools.ExternalTool;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/** External tools in tests: a missing one skips the test on a developer machine and fails it in CI (CI=true). */
public final class ToolRequirement {
    private ToolRequirement() {
    }

    public static void require(String program) {
        if (ExternalTool.isAvailable(program)) {
            return;
        }
        String why = program + " is not installed (./scripts/test installs it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + "; CI=true, so this test fails instead of skipping");
        }
        Assumptions.abort(why);
    }
}
