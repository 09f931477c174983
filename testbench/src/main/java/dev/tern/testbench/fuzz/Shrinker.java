package dev.tern.testbench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes a disagreeing design small. It tries specs with fewer cycles, less hierarchy, fewer nodes and
 * narrower widths (the same seed then draws another, smaller design), and cuts operator nodes out of the
 * design itself (each replaced by a zero, the rest unchanged), halving the cut runs as delta debugging does;
 * it keeps each candidate that still disagrees and stops when none does. Each try is a Verilog build of one
 * small design.
 */
public final class Shrinker {
    private static final int MAX_TRIES = 80;

    private final Function<FuzzSpec, Optional<FuzzFinding>> disagreement;

    public Shrinker(Fuzzer fuzzer) {
        this(fuzzer::runAlone);
    }

    /** @param disagreement runs a spec and returns its finding when it still disagrees */
    public Shrinker(Function<FuzzSpec, Optional<FuzzFinding>> disagreement) {
        this.disagreement = disagreement;
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
                Optional<FuzzFinding> result = disagreement.apply(candidate);
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
            out.add(s.withCycles(neededCycles));
        }
        if (s.depth() > 1) {
            out.add(s.withDepth(s.depth() - 1));
        }
        out.addAll(cuts(s));
        if (s.nodes() > 0) {
            out.add(s.withNodes(s.nodes() / 2));
            out.add(s.withNodes(s.nodes() - 1));
        }
        for (int width : new int[] {s.maxWidth() / 2, s.maxWidth() - 8, s.maxWidth() - 1}) {
            if (width >= 1 && width < s.maxWidth()) {
                out.add(s.withMaxWidth(width));
            }
        }
        return out;
    }

    /** The spec with runs of its uncut nodes cut: all of them, then halves, quarters, down to single nodes. */
    private static List<FuzzSpec> cuts(FuzzSpec s) {
        List<String> uncut = new ArrayList<>(RandomDesigns.nodeIds(s));
        uncut.removeAll(s.cut());
        List<FuzzSpec> out = new ArrayList<>();
        for (int length = uncut.size(); length > 0; length = length == 1 ? 0 : (length + 1) / 2) {
            for (int start = 0; start < uncut.size(); start += length) {
                out.add(s.cutting(uncut.subList(start, Math.min(uncut.size(), start + length))));
            }
        }
        return out;
    }
}
