package dev.tern.testbench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes a disagreeing design small: tries specs with fewer cycles, fewer operator nodes, narrower
 * widths and less hierarchy (same seed), keeps each that still disagrees, and stops when no smaller spec
 * does. Each try is a Verilog build of one small design.
 */
public final class Shrinker {
    private static final int MAX_TRIES = 40;

    private final Fuzzer fuzzer;

    public Shrinker(Fuzzer fuzzer) {
        this.fuzzer = fuzzer;
    }

    /** The smallest still-disagreeing finding found from {@code finding}; {@code progress} hears each kept step. */
    public FuzzFinding shrink(FuzzFinding finding, Consumer<FuzzFinding> progress) {
        FuzzFinding best = finding;
        int tries = 0;
        boolean smaller = true;
        while (smaller && tries < MAX_TRIES) {
            smaller = false;
            for (FuzzSpec candidate : candidates(best)) {
                if (++tries > MAX_TRIES) {
                    break;
                }
                var result = fuzzer.runAlone(candidate);
                if (result.isPresent()) {
                    best = result.get();
                    progress.accept(best);
                    smaller = true;
                    break;
                }
            }
        }
        return best;
    }

    private static List<FuzzSpec> candidates(FuzzFinding finding) {
        FuzzSpec s = finding.spec();
        List<FuzzSpec> out = new ArrayList<>();
        int neededCycles = (int) Math.min(s.cycles(), finding.mismatch().cycle() + 1);
        if (neededCycles < s.cycles()) {
            out.add(new FuzzSpec(s.seed(), s.nodes(), s.maxWidth(), s.depth(), neededCycles));
        }
        if (s.depth() > 1) {
            out.add(new FuzzSpec(s.seed(), s.nodes(), s.maxWidth(), s.depth() - 1, s.cycles()));
        }
        if (s.nodes() > 0) {
            out.add(new FuzzSpec(s.seed(), s.nodes() / 2, s.maxWidth(), s.depth(), s.cycles()));
            out.add(new FuzzSpec(s.seed(), s.nodes() - 1, s.maxWidth(), s.depth(), s.cycles()));
        }
        for (int width : new int[] {s.maxWidth() / 2, s.maxWidth() - 8, s.maxWidth() - 1}) {
            if (width >= 1 && width < s.maxWidth()) {
                out.add(new FuzzSpec(s.seed(), s.nodes(), width, s.depth(), s.cycles()));
            }
        }
        return out;
    }
}
