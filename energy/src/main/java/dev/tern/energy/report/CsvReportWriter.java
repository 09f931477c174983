package dev.tern.energy.report;

import dev.tern.energy.DesignEnergy;
import dev.tern.energy.EnergyBreakdown;
import dev.tern.energy.EnergyReport;
import dev.tern.energy.MatmulEnergy;
import dev.tern.energy.ModelEnergy;
import dev.tern.energy.PartEnergy;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as CSV, one row per (model, design, item): the per-token scopes, one layer, and each
 * projection and full-precision part per token. Energies in picojoules.
 */
public final class CsvReportWriter {

    static final List<String> HEADER = List.of("model", "model_set", "design", "item", "kind", "count_source",
            "instances_per_token", "arithmetic_pj", "registers_pj", "sram_pj", "dram_pj", "total_pj");

    private CsvReportWriter() {
    }

    public static String render(EnergyReport report) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        rows(out, report.models(), "requested");
        rows(out, report.paperModels(), "bitnet_paper");
        return out.toString();
    }

    private static void rows(StringBuilder out, List<ModelEnergy> models, String set) {
        for (ModelEnergy model : models) {
            for (DesignEnergy design : model.designs()) {
                String name = model.model().name();
                for (Scope scope : Scope.values()) {
                    row(out, name, set, design.id(), scope.key, "scope", "", 1, scope.energy.apply(design));
                }
                row(out, name, set, design.id(), "per_layer", "scope", "", 1, design.perLayer());
                for (MatmulEnergy matmul : design.bitLinears()) {
                    row(out, name, set, design.id(), matmul.name(), "bitlinear", matmul.countSource(),
                            matmul.perToken(), matmul.perTokenEnergy());
                }
                for (PartEnergy part : design.fullPrecision()) {
                    row(out, name, set, design.id(), part.name(), "full_precision", "analytic", part.perToken(),
                            part.perTokenEnergy());
                }
            }
        }
    }

    private static void row(StringBuilder out, String model, String set, String design, String item, String kind,
            String source, long instances, EnergyBreakdown energy) {
        List<String> cells = new ArrayList<>(List.of(model, set, design, item, kind, source, Long.toString(instances)));
        for (String component : EnergyBreakdown.COMPONENTS) {
            cells.add(Double.toString(energy.component(component)));
        }
        cells.add(Double.toString(energy.total()));
        line(out, cells);
    }

    private static void line(StringBuilder out, List<String> cells) {
        List<String> quoted = cells.stream().map(CsvReportWriter::quote).toList();
        out.append(String.join(",", quoted)).append("\r\n");
    }

    /** RFC 4180 quoting: only fields with commas, quotes or line breaks are quoted. */
    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
