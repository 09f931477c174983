package dev.tern.energy.report;

import dev.tern.energy.EnergyModelException;
import dev.tern.energy.EnergyReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a report to files: text, JSON, CSV or HTML, creating parent directories as needed. */
public final class ReportWriters {

    private ReportWriters() {
    }

    /** Writes in the format the file's extension names. */
    public static void write(EnergyReport report, Path path) {
        write(report, ReportFormat.forPath(path), path);
    }

    public static void write(EnergyReport report, ReportFormat format, Path path) {
        writeContent(format.render(report), format, path);
    }

    /** The HTML report with the caller's own sections. */
    public static void writeHtml(EnergyReport report, List<ReportSection> sections, Path path) {
        writeContent(HtmlReportWriter.render(report, sections), ReportFormat.HTML, path);
    }

    private static void writeContent(String content, ReportFormat format, Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnergyModelException(path + ": cannot write " + format.name().toLowerCase(Locale.ROOT)
                    + " report: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    public static void writeText(EnergyReport report, Path path) {
        write(report, ReportFormat.TEXT, path);
    }

    public static void writeJson(EnergyReport report, Path path) {
        write(report, ReportFormat.JSON, path);
    }

    public static void writeCsv(EnergyReport report, Path path) {
        write(report, ReportFormat.CSV, path);
    }

    public static void writeHtml(EnergyReport report, Path path) {
        write(report, ReportFormat.HTML, path);
    }
}
