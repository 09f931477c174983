package dev.tern.energy.report;

import dev.tern.energy.EnergyReport;

import java.util.Locale;

/** The one-line statement of what a report assumes, shared by the text and HTML reports. */
final class Assumptions {

    private Assumptions() {
    }

    static String summary(EnergyReport report) {
        return String.format(Locale.ROOT,
                "tech %s (%s); DRAM %s %s pJ/bit%s; context %d; %d lanes x %d row%s; %s ternary weights",
                report.tech().name(), report.tech().origin(), report.dram().type(),
                Numbers.significant(report.dram().picojoulesPerBit(), 4),
                report.dram().deviceOnly() ? " (device only)" : "", report.context(), report.array().lanes(),
                report.array().rows(), report.array().rows() == 1 ? "" : "s", report.encoding().label());
    }
}
