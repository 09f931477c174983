package dev.tern.energy.report;

import dev.tern.energy.SwitchingActivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The switching-activity table, one definition for the HTML and the text report. */
final class ActivityTable {
    static final List<String> HEADER = List.of("stimulus", "signals", "bits", "cycles", "toggles", "toggle rate");
    private static final List<Integer> NUMERIC = List.of(2, 3, 4, 5);

    private ActivityTable() {
    }

    static ReportSection section(SwitchingActivity activity) {
        return new ReportSection("activity", "Switching activity of the adder tree", "Measured in simulation on "
                + activity.design() + ". Toggle rate: bit flips per bit per cycle. The per-action energies assume"
                + " an average activity; this is the activity the design actually sees.", HEADER, rows(activity),
                NUMERIC);
    }

    static List<List<String>> rows(SwitchingActivity activity) {
        List<List<String>> rows = new ArrayList<>();
        for (SwitchingActivity.Row row : activity.rows()) {
            rows.add(List.of(row.stimulus(), row.signals(), Long.toString(row.bits()), Long.toString(row.cycles()),
                    Long.toString(row.toggles()), String.format(Locale.ROOT, "%.4f", row.toggleRate())));
        }
        return rows;
    }
}
