package dev.tern.energy.report;

import java.util.List;

/**
 * A table a caller adds to the HTML report, such as the simulated cycles of a run, so that one page
 * holds a whole story. Cells are text; columns named in {@code numericColumns} are right-aligned.
 */
public record ReportSection(String id, String title, String note, List<String> header, List<List<String>> rows,
                            List<Integer> numericColumns) {
    public ReportSection {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        numericColumns = List.copyOf(numericColumns);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("section " + id + ": a row of " + row.size() + " cells under "
                        + header.size() + " columns");
            }
        }
    }
}
