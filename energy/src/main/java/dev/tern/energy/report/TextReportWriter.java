package dev.tern.energy.report;

import dev.tern.energy.CrossCheck;
import dev.tern.energy.SwitchingActivity;
import dev.tern.energy.DesignEnergy;
import dev.tern.energy.EnergyBreakdown;
import dev.tern.energy.EnergyReport;
import dev.tern.energy.MatmulEnergy;
import dev.tern.energy.ModelEnergy;
import dev.tern.energy.PublishedFigure;
import dev.tern.energy.Ratios;
import dev.tern.energy.workload.ModelShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as a plain-text terminal table. */
public final class TextReportWriter {

    private TextReportWriter() {
    }

    public static String render(EnergyReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Tern energy model: ternary adder tree against MAC arrays, batch 1 decode\n");
        out.append(Assumptions.summary(report)).append("\n\n");
        out.append("Arithmetic-only ratio, ternary vs FP16 MAC, paper method ((FP16 mul + FP16 add) / INT8 add): ")
                .append(Numbers.ratio(report.arithmeticRatio())).append('\n');
        for (ModelEnergy model : report.models()) {
            out.append('\n').append(model(model));
        }
        if (!report.paperModels().isEmpty()) {
            out.append('\n').append(paperSizes(report));
        }
        if (!report.crossChecks().isEmpty()) {
            out.append('\n').append(crossChecks(report.crossChecks()));
        }
        report.activity().ifPresent(activity -> out.append('\n').append(activity(activity)));
        return out.toString();
    }

    private static String model(ModelEnergy model) {
        StringBuilder out = new StringBuilder();
        out.append("Model ").append(model.model().name()).append(": ").append(shape(model.model())).append('\n');
        out.append("Energy per token\n");
        TextTable energy = new TextTable();
        List<String> header = new ArrayList<>(List.of("design", "scope"));
        header.addAll(EnergyBreakdown.COMPONENTS);
        header.add("total");
        energy.row(header);
        for (DesignEnergy design : model.designs()) {
            for (Scope scope : Scope.values()) {
                List<String> row = new ArrayList<>(List.of(design.id(), scope.label));
                EnergyBreakdown value = scope.energy.apply(design);
                for (String component : EnergyBreakdown.COMPONENTS) {
                    row.add(Numbers.energy(value.component(component)));
                }
                row.add(Numbers.energy(value.total()));
                energy.row(row);
            }
        }
        out.append(energy.render("  "));
        out.append("Ratios, baseline energy / ternary energy\n");
        out.append(ratios(model.ratios()));
        out.append("BitLinear projections on the ternary design (one instance each, ")
                .append(model.model().layers()).append(" per token)\n");
        TextTable matmuls = new TextTable().row("matmul", "out x in", "counts", "arithmetic", "registers", "sram",
                "dram", "total");
        for (MatmulEnergy matmul : model.ternary().bitLinears()) {
            EnergyBreakdown e = matmul.energy();
            matmuls.row(matmul.name(), matmul.shape().out() + " x " + matmul.shape().in(), matmul.countSource(),
                    Numbers.energy(e.arithmetic()), Numbers.energy(e.registers()), Numbers.energy(e.sram()),
                    Numbers.energy(e.dram()), Numbers.energy(e.total()));
        }
        out.append(matmuls.render("  "));
        out.append("Per layer (").append(model.model().name()).append(", projections + attention + norms): ");
        List<String> perLayer = new ArrayList<>();
        for (DesignEnergy design : model.designs()) {
            perLayer.add(design.id() + " " + Numbers.energy(design.perLayer().total()));
        }
        out.append(String.join(", ", perLayer)).append('\n');
        return out.toString();
    }

    private static String ratios(List<Ratios> ratios) {
        TextTable table = new TextTable();
        List<String> header = new ArrayList<>(List.of("ratio"));
        ratios.forEach(r -> header.add("vs " + r.baseline()));
        table.row(header);
        for (RatioKind kind : RatioKind.values()) {
            List<String> row = new ArrayList<>(List.of(kind.label));
            ratios.forEach(r -> row.add(Numbers.ratio(kind.value.applyAsDouble(r))));
            table.row(row);
        }
        return table.render("  ");
    }

    private static String paperSizes(EnergyReport report) {
        StringBuilder out = new StringBuilder("BitNet paper model sizes (whole token unless said otherwise)\n");
        List<String> baselines = report.paperModels().get(0).ratios().stream().map(Ratios::baseline).toList();
        List<String> header = new ArrayList<>(List.of("model", "ternary/token"));
        for (String baseline : baselines) {
            header.add("BitLinear vs " + baseline);
            header.add("token vs " + baseline);
            header.add("arith vs " + baseline);
        }
        header.add("paper end-to-end");
        TextTable table = new TextTable().row(header);
        for (ModelEnergy model : report.paperModels()) {
            List<String> row = new ArrayList<>(List.of(model.model().name(),
                    Numbers.energy(model.ternary().perToken().total())));
            for (Ratios r : model.ratios()) {
                row.add(Numbers.ratio(r.bitLinearEndToEnd()));
                row.add(Numbers.ratio(r.wholeTokenEndToEnd()));
                row.add(Numbers.ratio(r.wholeTokenArithmetic()));
            }
            row.add(report.published().stream()
                    .filter(f -> f.model().equals(model.model().name()))
                    .map(f -> Numbers.ratio(f.ratio()))
                    .findFirst().orElse("-"));
            table.row(row);
        }
        out.append(table.render("  "));
        out.append("  ").append(PaperComparison.WHY_THEY_DIFFER).append('\n');
        for (PublishedFigure figure : report.published()) {
            out.append(String.format(Locale.ROOT, "  published: %s%s %s (%s)%n", figure.what(),
                    figure.model().isEmpty() ? "" : " " + figure.model(), Numbers.ratio(figure.ratio()),
                    figure.source()));
        }
        return out.toString();
    }

    private static String crossChecks(List<CrossCheck> checks) {
        StringBuilder out = new StringBuilder("Analytic against measured counts (ternary design)\n");
        for (CrossCheck check : checks) {
            out.append(String.format(Locale.ROOT, "  %s %s (%s), %s: %s%n", check.model(), check.matmul(),
                    check.shape(), check.source(), check.agrees() ? "agree"
                            : (check.arithmeticAgrees() ? "arithmetic agrees; " : "ARITHMETIC DIFFERS; ")
                            + check.differences().size() + " differences: " + check.differences()));
        }
        return out.toString();
    }

    private static String activity(SwitchingActivity activity) {
        TextTable table = new TextTable().row(ActivityTable.HEADER);
        ActivityTable.rows(activity).forEach(table::row);
        return "Switching activity of the adder tree, simulated on " + activity.design() + "\n" + table.render("  ");
    }

    static String shape(ModelShape shape) {
        return String.format(Locale.ROOT,
                "hidden %d, intermediate %d, %d layers, %d heads (%d KV) of %d, vocab %d, %s FFN, %s embeddings;"
                        + " %s ternary weights per token",
                shape.hidden(), shape.intermediate(), shape.layers(), shape.heads(), shape.kvHeads(), shape.headDim(),
                shape.vocab(), shape.gatedFfn() ? "gated" : "ungated", shape.tiedEmbeddings() ? "tied" : "untied",
                Numbers.count(shape.ternaryWeightsPerToken()));
    }
}
