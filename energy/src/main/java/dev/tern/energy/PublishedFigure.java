package dev.tern.energy;

import java.util.List;

/** A ratio the BitNet papers publish, shown beside ours. */
public record PublishedFigure(String what, String model, double ratio, String source) {

    /** The figures of bitnet.md: arithmetic at 7 nm, and end-to-end at the smallest and largest size plotted. */
    public static List<PublishedFigure> bitnetB158() {
        String paper = "BitNet b1.58, arXiv 2402.17764";
        return List.of(
                new PublishedFigure("arithmetic energy of matmul at 7 nm", "", 71.4, paper),
                new PublishedFigure("end-to-end energy", "1.3B", 18.6, paper + ", Figure 3"),
                new PublishedFigure("end-to-end energy", "70B", 41.2, paper + ", Figure 3"));
    }
}
