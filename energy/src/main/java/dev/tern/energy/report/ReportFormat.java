package dev.tern.energy.report;

import dev.tern.energy.EnergyModelException;
import dev.tern.energy.EnergyReport;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/** The formats a report can be written in, and how each is rendered. */
public enum ReportFormat {
    TEXT(TextReportWriter::render),
    JSON(JsonReportWriter::render),
    CSV(CsvReportWriter::render),
    HTML(HtmlReportWriter::render);

    private final Function<EnergyReport, String> renderer;

    ReportFormat(Function<EnergyReport, String> renderer) {
        this.renderer = renderer;
    }

    public String render(EnergyReport report) {
        return renderer.apply(report);
    }

    /** The format a file name's extension asks for: .txt, .json, .csv, .html or .htm. */
    public static ReportFormat forPath(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        } else if (name.endsWith(".csv")) {
            return CSV;
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            return HTML;
        } else if (name.endsWith(".txt")) {
            return TEXT;
        }
        throw new EnergyModelException(path + ": cannot tell the report format from the extension"
                + " (expected .txt, .json, .csv or .html)");
    }
}
