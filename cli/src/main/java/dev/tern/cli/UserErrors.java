package dev.tern.cli;

import dev.tern.hdl.HdlException;
import dev.tern.hdl.catalog.ParameterException;
import dev.tern.verilog.tools.ToolMissingException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Which exceptions are a user's mistake or a missing prerequisite (printed as one line, exit code 2),
 * as opposed to bugs (left to propagate with their stack trace). Each module's own user-facing
 * exception type is listed here once.
 */
final class UserErrors {
    private UserErrors() {
    }

    /** The exit code for a user-facing error, or null for an unexpected one. */
    static Integer exitCode(Exception e) {
        if (e instanceof UsageException || e instanceof HdlException || e instanceof ParameterException
                || e instanceof ToolMissingException || e instanceof IOException || e instanceof UncheckedIOException
                || isModuleUserError(e)) {
            return Tern.USAGE;
        }
        return null;
    }

    static String message(Exception e) {
        if (e instanceof UncheckedIOException u) {
            return OutputFiles.describe(u.getCause());
        }
        if (e instanceof IOException io) {
            return OutputFiles.describe(io);
        }
        return e.getMessage();
    }

    private static boolean isModuleUserError(Exception e) {
        return e instanceof dev.tern.accel.AcceleratorConfigException
                || e instanceof dev.tern.bitnet.codec.ModelFormatException
                || e instanceof dev.tern.bitnet.model.BitNetException
                || e instanceof dev.tern.bitnet.tokenizer.TokenizerException
                || e instanceof dev.tern.energy.EnergyModelException
                || e instanceof dev.tern.testbench.CosimException
                || e instanceof dev.tern.sim.SimulationException
                || e instanceof dev.tern.synth.SynthException;
    }
}
