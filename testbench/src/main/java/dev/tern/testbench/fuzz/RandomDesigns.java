package dev.tern.testbench.fuzz;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.testbench.BuildCache;
import dev.tern.verilog.VerilogEmitter;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The random design of a {@link FuzzSpec}: the same spec always gives the same design. */
public final class RandomDesigns {
    private RandomDesigns() {
    }

    public static Design design(FuzzSpec spec) {
        return Elaborator.elaborate(() -> new RandomModule(spec, new SplittableRandom(spec.seed()), 1, "m", new ArrayList<>()));
    }

    /**
     * The first 12 hex digits of the SHA-256 of the spec's design as Verilog: equal for the same design, and
     * different, but for a 2^-48 chance, once the generator draws another design for the spec.
     */
    public static String fingerprint(FuzzSpec spec) {
        return BuildCache.hash(VerilogEmitter.withoutSourceLocations().singleFile(design(spec))).substring(0, 12);
    }

    /** The ids of the spec's operator nodes (cut or not), which {@link FuzzSpec#cut} names. */
    public static List<String> nodeIds(FuzzSpec spec) {
        List<String> ids = new ArrayList<>();
        Elaborator.elaborate(() -> new RandomModule(spec, new SplittableRandom(spec.seed()), 1, "m", ids));
        return ids;
    }
}
