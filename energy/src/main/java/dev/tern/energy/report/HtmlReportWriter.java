package dev.tern.energy.report;

import dev.tern.energy.CrossCheck;
import dev.tern.energy.DesignEnergy;
import dev.tern.energy.EnergyBreakdown;
import dev.tern.energy.EnergyReport;
import dev.tern.energy.LanesSweep;
import dev.tern.energy.MatmulEnergy;
import dev.tern.energy.ModelEnergy;
import dev.tern.energy.PublishedFigure;
import dev.tern.energy.Ratios;
import dev.tern.energy.count.OpType;
import dev.tern.energy.tech.ArithmeticEntry;
import dev.tern.energy.tech.DramEntry;
import dev.tern.energy.tech.Provenance;
import dev.tern.energy.tech.SramEntry;
import dev.tern.energy.tech.TechTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report as one self-contained XHTML page: inline CSS, inline SVG charts drawn here, no
 * scripts and nothing fetched from the network, so it reads the same offline. Well-formed XML,
 * so tests parse it.
 */
public final class HtmlReportWriter {

    private static final String CSS = """
            :root { --ink: #1d232a; --muted: #5b6670; --rule: #d9dee3; --panel: #f6f8fa; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #fff;
                   font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1060px; margin: 0 auto; padding: 32px 28px 56px; }
            h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; letter-spacing: -0.01em; }
            h2 { font-size: 19px; margin: 40px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); }
            h3 { font-size: 15px; margin: 22px 0 8px; }
            p { margin: 8px 0; max-width: 78ch; }
            .subtitle { color: var(--muted); margin: 0 0 22px; }
            .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 14px; }
            .card { background: var(--panel); border: 1px solid var(--rule); border-radius: 8px; padding: 14px 16px; }
            .card .figure { font-size: 30px; font-weight: 650; letter-spacing: -0.02em;
                            font-variant-numeric: tabular-nums; }
            .card .figure small { font-size: 14px; font-weight: 500; color: var(--muted); white-space: nowrap; }
            .card .also { font-weight: 600; font-variant-numeric: tabular-nums; margin-bottom: 4px; }
            .card .what { font-weight: 600; margin-bottom: 2px; }
            .card .how { color: var(--muted); font-size: 13px; }
            .lede { font-size: 16px; margin-top: 18px; }
            table { border-collapse: collapse; margin: 10px 0 4px; font-size: 13.5px; }
            th, td { padding: 5px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
            th { font-weight: 600; background: var(--panel); }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .charts { display: flex; flex-wrap: wrap; gap: 18px; }
            svg.chart { max-width: 100%; height: auto; background: #fff; }
            svg.chart text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
                             fill: var(--ink); }
            svg.chart .chart-title { font-size: 15px; font-weight: 600; }
            svg.chart .tick { font-size: 11.5px; fill: var(--muted); }
            svg.chart .axis-title { font-size: 12.5px; fill: var(--muted); }
            svg.chart .value { font-size: 11.5px; font-weight: 600; }
            svg.chart .legend-label { font-size: 12.5px; }
            svg.chart .grid { stroke: #e8ebee; stroke-width: 1; }
            svg.chart .axis-line { stroke: #9aa4ad; stroke-width: 1; }
            .note { color: var(--muted); font-size: 13px; }
            .ok { color: #1a7f37; font-weight: 600; }
            .bad { color: #b42318; font-weight: 600; }
            code { font-size: 13px; background: var(--panel); padding: 1px 4px; border-radius: 4px; }
            footer { margin-top: 44px; color: var(--muted); font-size: 12.5px; }
            """;

    private HtmlReportWriter() {
    }

    public static String render(EnergyReport report) {
        return render(report, List.of());
    }

    /** The report with the caller's own sections after the energy charts. */
    public static String render(EnergyReport report, List<ReportSection> sections) {
        StringBuilder html = new StringBuilder();
        ModelEnergy primary = report.primary();
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Xml.escape("Energy report: " + primary.model().name() + ", "
                        + report.tech().name())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(html, report);
        for (int i = 0; i < report.models().size(); i++) {
            breakdown(html, report.models().get(i), i);
        }
        if (!report.paperModels().isEmpty()) {
            modelSizes(html, report);
        }
        lanes(html, report.lanesSweep());
        if (!report.crossChecks().isEmpty()) {
            crossChecks(html, report.crossChecks());
        }
        report.activity().ifPresent(activity -> section(html, ActivityTable.section(activity)));
        sections.forEach(section -> section(html, section));
        assumptions(html, report);
        html.append("<footer>Written by Tern's energy model. Energies are estimates from published per-action"
                + " figures and counted actions, not measurements of silicon.</footer>\n");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, EnergyReport report) {
        ModelEnergy primary = report.primary();
        html.append("<header>\n<h1>Energy per token: ternary adder tree against MAC arrays</h1>\n")
                .append("<p class=\"subtitle\">").append(Xml.escape(primary.model().name() + " · "
                        + Assumptions.summary(report) + " · batch 1 decode")).append("</p>\n</header>\n");
        html.append("<section class=\"cards\" id=\"headline\">\n");
        List<Ratios> ratios = primary.ratios();
        card(html, "Arithmetic only, paper method", Numbers.ratio(report.arithmeticRatio()), "vs FP16 MAC", List.of(),
                "(FP16 mul + FP16 add) / INT8 add at " + report.tech().name()
                        + ": one add per ternary weight against one multiply-accumulate");
        card(html, "End-to-end, BitLinear layers", Numbers.ratio(ratios.get(0).bitLinearEndToEnd()),
                "vs " + ratios.get(0).baseline(), others(ratios, Ratios::bitLinearEndToEnd),
                "arithmetic + registers + SRAM + DRAM, every weight fetched from DRAM each token");
        card(html, "End-to-end, whole token", Numbers.ratio(ratios.get(0).wholeTokenEndToEnd()),
                "vs " + ratios.get(0).baseline(), others(ratios, Ratios::wholeTokenEndToEnd),
                "adds lm_head, attention over " + report.context() + " positions and norms, FP16 in every design");
        card(html, "Adder tree as built (tree-width-aware)", Numbers.ratio(ratios.get(0).treeArithmetic()),
                "vs " + ratios.get(0).baseline(), others(ratios, Ratios::treeArithmetic),
                "arithmetic of the real tree: wider adds near the root, each adding or subtracting by its terms' signs,"
                        + " the INT32 accumulator");
        html.append("</section>\n");
        html.append("<p class=\"lede\">").append(Xml.escape("Counted by arithmetic alone the ternary design is "
                + Numbers.ratio(report.arithmeticRatio()) + " cheaper, as the BitNet paper says. At batch 1 every"
                + " weight is fetched from DRAM for every token, and moving a bit costs far more than adding it,"
                + " so the end-to-end advantage for the BitLinear layers settles near the ratio of weight widths ("
                + Numbers.ratio(primary.ratios().get(0).bitLinearEndToEnd()) + " here), and the full-precision lm_head and attention,"
                + " the same in every design, pull the whole-token figure lower still.")).append("</p>\n");
    }

    private static void card(StringBuilder html, String what, String figure, String against, List<String> more,
            String how) {
        html.append("<div class=\"card\"><div class=\"what\">").append(Xml.escape(what))
                .append("</div><div class=\"figure\">").append(Xml.escape(figure)).append(" <small>")
                .append(Xml.escape(against)).append("</small></div>");
        for (String line : more) {
            html.append("<div class=\"also\">").append(Xml.escape(line)).append("</div>");
        }
        html.append("<div class=\"how\">").append(Xml.escape(how)).append("</div></div>\n");
    }

    /** The same ratio against the baselines after the first, one line each. */
    private static List<String> others(List<Ratios> ratios, java.util.function.ToDoubleFunction<Ratios> value) {
        return ratios.stream().skip(1)
                .map(r -> Numbers.ratio(value.applyAsDouble(r)) + " vs " + r.baseline())
                .toList();
    }

    private static void breakdown(StringBuilder html, ModelEnergy model, int index) {
        html.append("<section id=\"breakdown-").append(index).append("\">\n<h2>Where the energy goes: ")
                .append(Xml.escape(model.model().name())).append("</h2>\n<p class=\"note\">")
                .append(Xml.escape(TextReportWriter.shape(model.model()))).append(".</p>\n<div class=\"charts\">\n");
        for (Scope scope : List.of(Scope.WHOLE_TOKEN, Scope.BITLINEAR)) {
            html.append(stackedChart("stacked-" + scope.key + "-" + index, model, scope).render());
        }
        html.append("</div>\n<p class=\"note\">Arithmetic and register energy are too small to see at this"
                + " scale beside DRAM; the table gives every component.</p>\n");
        html.append("<table class=\"energy\">\n<tr><th>design</th><th>scope</th>");
        for (String component : EnergyBreakdown.COMPONENTS) {
            html.append("<th class=\"num\">").append(component).append("</th>");
        }
        html.append("<th class=\"num\">total</th><th class=\"num\">DRAM share</th></tr>\n");
        for (DesignEnergy design : model.designs()) {
            for (Scope scope : Scope.values()) {
                EnergyBreakdown energy = scope.energy.apply(design);
                html.append("<tr><td>").append(Xml.escape(design.label())).append("</td><td>")
                        .append(Xml.escape(scope.label)).append("</td>");
                for (String component : EnergyBreakdown.COMPONENTS) {
                    numberCell(html, Numbers.energy(energy.component(component)));
                }
                numberCell(html, Numbers.energy(energy.total()));
                numberCell(html, String.format(Locale.ROOT, "%.1f%%", 100 * energy.dram() / energy.total()));
                html.append("</tr>\n");
            }
        }
        html.append("</table>\n");
        ratioTable(html, model.ratios());
        html.append("<h3>BitLinear projections on the ternary design</h3>\n<p class=\"note\">One instance of each,")
                .append(" ").append(model.model().layers()).append(" per token. Per layer (projections, attention,")
                .append(" norms): ");
        List<String> perLayer = new ArrayList<>();
        for (DesignEnergy design : model.designs()) {
            perLayer.add(design.id() + " " + Numbers.energy(design.perLayer().total()));
        }
        html.append(Xml.escape(String.join(", ", perLayer))).append(".</p>\n");
        html.append("<table class=\"matmuls\">\n<tr><th>matmul</th><th class=\"num\">out × in</th><th>counts</th>")
                .append("<th class=\"num\">tree adds</th><th class=\"num\">register bits</th>")
                .append("<th class=\"num\">DRAM bits</th><th class=\"num\">arithmetic</th>")
                .append("<th class=\"num\">SRAM</th><th class=\"num\">DRAM</th><th class=\"num\">total</th></tr>\n");
        for (MatmulEnergy matmul : model.ternary().bitLinears()) {
            long adds = matmul.counts().datapath().entrySet().stream()
                    .filter(e -> e.getKey().kind() == OpType.Kind.ADD)
                    .mapToLong(Map.Entry::getValue).sum();
            html.append("<tr><td>").append(Xml.escape(matmul.name())).append("</td>");
            numberCell(html, matmul.shape().out() + " × " + matmul.shape().in());
            html.append("<td>").append(Xml.escape(matmul.countSource())).append("</td>");
            numberCell(html, Numbers.count(adds));
            numberCell(html, Numbers.count(matmul.counts().registerBits()));
            numberCell(html, Numbers.count(matmul.counts().dramBits()));
            numberCell(html, Numbers.energy(matmul.energy().arithmetic()));
            numberCell(html, Numbers.energy(matmul.energy().sram()));
            numberCell(html, Numbers.energy(matmul.energy().dram()));
            numberCell(html, Numbers.energy(matmul.energy().total()));
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static StackedBarChart stackedChart(String id, ModelEnergy model, Scope scope) {
        List<String> categories = model.designs().stream().map(DesignEnergy::id).toList();
        List<StackedBarChart.Series> series = new ArrayList<>();
        for (String component : EnergyBreakdown.COMPONENTS) {
            List<Double> values = model.designs().stream()
                    .map(design -> scope.energy.apply(design).component(component)).toList();
            series.add(new StackedBarChart.Series(component, component, Palette.COMPONENTS.get(component), values));
        }
        String title = "Energy per token, " + scope.label + " (" + model.model().name() + ")";
        return new StackedBarChart(id, title, "energy per token", categories, series);
    }

    private static void ratioTable(StringBuilder html, List<Ratios> ratios) {
        html.append("<table class=\"ratios\">\n<tr><th>ratio (baseline / ternary)</th>");
        for (Ratios r : ratios) {
            html.append("<th class=\"num\">vs ").append(Xml.escape(r.baseline())).append("</th>");
        }
        html.append("</tr>\n");
        for (RatioKind kind : RatioKind.values()) {
            html.append("<tr><td>").append(Xml.escape(kind.label)).append("</td>");
            for (Ratios r : ratios) {
                numberCell(html, Numbers.ratio(kind.value.applyAsDouble(r)));
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void modelSizes(StringBuilder html, EnergyReport report) {
        List<ModelEnergy> models = report.paperModels();
        List<String> sizes = models.stream().map(m -> m.model().name()).toList();
        List<LineChart.Line> lines = new ArrayList<>();
        List<String> baselines = models.get(0).ratios().stream().map(Ratios::baseline).toList();
        for (int b = 0; b < baselines.size(); b++) {
            final int index = b;
            String baseline = baselines.get(b);
            lines.add(new LineChart.Line("bitlinear-" + baseline, "end-to-end, BitLinear layers, vs " + baseline,
                    Palette.design(baseline), LineChart.Style.SOLID,
                    models.stream().map(m -> m.ratios().get(index).bitLinearEndToEnd()).toList()));
            lines.add(new LineChart.Line("whole-token-" + baseline, "end-to-end, whole token, vs " + baseline,
                    Palette.design(baseline), LineChart.Style.DASHED,
                    models.stream().map(m -> m.ratios().get(index).wholeTokenEndToEnd()).toList()));
        }
        lines.add(new LineChart.Line("arithmetic-whole-token", "arithmetic only, whole token, vs " + baselines.get(0),
                Palette.design("ternary"), LineChart.Style.SOLID,
                models.stream().map(m -> m.ratios().get(0).wholeTokenArithmetic()).toList()));
        lines.add(new LineChart.Line("paper-method", "arithmetic only, paper method ("
                + Numbers.ratio(report.arithmeticRatio()) + ")", Palette.REFERENCE, LineChart.Style.DASHED,
                models.stream().map(m -> report.arithmeticRatio()).toList()));
        List<Double> published = new ArrayList<>();
        for (String size : sizes) {
            published.add(publishedEndToEnd(report, size).map(PublishedFigure::ratio).orElse(null));
        }
        lines.add(new LineChart.Line("published", "published end-to-end (BitNet b1.58 paper)", Palette.PUBLISHED,
                LineChart.Style.POINTS, published));
        html.append("<section id=\"model-sizes\">\n<h2>Against model size</h2>\n");
        html.append(new LineChart("ratio-vs-model-size", "Energy ratio, baseline / ternary, by model size",
                "model size (BitNet b1.58 paper shapes)", "ratio", sizes, lines, LineChart.ValueKind.RATIO).render());
        html.append("<p>").append(Xml.escape(PaperComparison.WHY_THEY_DIFFER)).append("</p>\n");
        html.append("<table class=\"paper\">\n<tr><th>model</th><th class=\"num\">ternary<br/>per token</th>");
        for (String baseline : baselines) {
            html.append("<th class=\"num\">BitLinear<br/>vs ").append(Xml.escape(baseline)).append("</th>")
                    .append("<th class=\"num\">whole token<br/>vs ").append(Xml.escape(baseline)).append("</th>");
        }
        html.append("<th class=\"num\">arithmetic only, whole<br/>token vs ").append(Xml.escape(baselines.get(0)))
                .append("</th>")
                .append("<th class=\"num\">paper,<br/>end-to-end</th>")
                .append("</tr>\n");
        for (ModelEnergy model : models) {
            html.append("<tr><td>").append(Xml.escape(model.model().name())).append("</td>");
            numberCell(html, Numbers.energy(model.ternary().perToken().total()));
            for (Ratios r : model.ratios()) {
                numberCell(html, Numbers.ratio(r.bitLinearEndToEnd()));
                numberCell(html, Numbers.ratio(r.wholeTokenEndToEnd()));
            }
            numberCell(html, Numbers.ratio(model.ratios().get(0).wholeTokenArithmetic()));
            numberCell(html, publishedEndToEnd(report, model.model().name())
                    .map(f -> Numbers.ratio(f.ratio())).orElse("–"));
            html.append("</tr>\n");
        }
        html.append("</table>\n<h3>Where the shapes come from</h3>\n<ul class=\"note\">\n");
        for (ModelEnergy model : models) {
            html.append("<li>").append(Xml.escape(model.model().name() + ": " + model.shapeSource())).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static Optional<PublishedFigure> publishedEndToEnd(EnergyReport report, String model) {
        return report.published().stream().filter(f -> f.model().equals(model)).findFirst();
    }

    private static void lanes(StringBuilder html, LanesSweep sweep) {
        List<String> xLabels = sweep.lanes().stream().map(String::valueOf).toList();
        List<LineChart.Line> lines = new ArrayList<>();
        sweep.perToken().forEach((id, values) -> {
            lines.add(new LineChart.Line(id, sweep.labels().get(id) + ", whole token", Palette.design(id),
                    LineChart.Style.SOLID, values.stream().map(EnergyBreakdown::total).toList()));
            lines.add(new LineChart.Line(id + "-on-chip", sweep.labels().get(id) + ", on chip (no DRAM)",
                    Palette.design(id), LineChart.Style.DASHED,
                    values.stream().map(v -> v.total() - v.dram()).toList()));
        });
        html.append("<section id=\"lanes\">\n<h2>Against the number of lanes</h2>\n");
        html.append(new LineChart("energy-vs-lanes", "Energy per token by lanes (" + sweep.model() + ")",
                "lanes per row (inputs per adder tree or MAC row)", "energy per token", xLabels, lines,
                LineChart.ValueKind.ENERGY).render());
        html.append("<p>").append(Xml.escape("At batch 1 the lanes set the speed, not the energy: every weight"
                + " is fetched and added once whatever the width. What changes is the padding of the last tile"
                + " when a row's length is not a multiple of the lanes, and on chip the wider tree's registers"
                + " against fewer accumulator updates.")).append("</p>\n</section>\n");
    }

    private static void section(StringBuilder html, ReportSection section) {
        html.append("<section id=\"").append(Xml.escape(section.id())).append("\">\n<h2>")
                .append(Xml.escape(section.title())).append("</h2>\n");
        if (!section.note().isEmpty()) {
            html.append("<p class=\"note\">").append(Xml.escape(section.note())).append("</p>\n");
        }
        html.append("<table>\n<tr>");
        for (int c = 0; c < section.header().size(); c++) {
            html.append(section.numericColumns().contains(c) ? "<th class=\"num\">" : "<th>")
                    .append(Xml.escape(section.header().get(c))).append("</th>");
        }
        html.append("</tr>\n");
        for (List<String> row : section.rows()) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                if (section.numericColumns().contains(c)) {
                    numberCell(html, row.get(c));
                } else {
                    html.append("<td>").append(Xml.escape(row.get(c))).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void crossChecks(StringBuilder html, List<CrossCheck> checks) {
        html.append("<section id=\"cross-checks\">\n<h2>Analytic against simulated counts</h2>\n")
                .append("<table>\n<tr><th>model</th><th>matmul</th><th class=\"num\">out × in</th><th>source</th>")
                .append("<th>arithmetic</th><th>all counts</th><th>differences</th></tr>\n");
        for (CrossCheck check : checks) {
            html.append("<tr><td>").append(Xml.escape(check.model())).append("</td><td>")
                    .append(Xml.escape(check.matmul())).append("</td>");
            numberCell(html, check.shape().out() + " × " + check.shape().in());
            html.append("<td>").append(Xml.escape(check.source())).append("</td>")
                    .append(check.arithmeticAgrees() ? "<td class=\"ok\">agrees</td>" : "<td class=\"bad\">differs</td>")
                    .append(check.agrees() ? "<td class=\"ok\">agree</td>" : "<td class=\"bad\">differ</td>")
                    .append("<td class=\"note\">").append(Xml.escape(check.differences().toString()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void assumptions(StringBuilder html, EnergyReport report) {
        TechTable tech = report.tech();
        DramEntry dram = report.dram();
        html.append("<section id=\"assumptions\">\n<h2>Assumptions</h2>\n<table class=\"assumptions\">\n");
        assumption(html, "technology node", tech.name() + ": " + tech.description() + " (" + tech.origin() + ")");
        assumption(html, "DRAM", dram.type() + ", " + Numbers.significant(dram.picojoulesPerBit(), 4) + " pJ/bit"
                + (dram.deviceOnly() ? ", device only (controller and PHY not included)" : "") + ". "
                + dram.provenance().source());
        assumption(html, "workload", "decode at batch 1, one token, attention over " + report.context()
                + " positions; weights fetched from DRAM once per token");
        assumption(html, "array", report.array().lanes() + " lanes × " + report.array().rows()
                + (report.array().rows() == 1 ? " row" : " rows") + " for every design (equal throughput); weight, activation and output SRAM of "
                + report.array().weightSramBytes() / 1024 + ", " + report.array().activationSramBytes() / 1024
                + " and " + report.array().outputSramBytes() / 1024 + " KB");
        assumption(html, "ternary weights", report.encoding().label() + ", stored tile by tile");
        assumption(html, "counting rules", "ternary: adder tree level k adds lanes>>k numbers of 8+k-1 bits,"
                + " signs folded into the adds, base-3 decode when used, INT32 accumulator; lane registers of word and sign;"
                + " MAC arrays: one multiply and one accumulate per weight; every result registered;"
                + " full-precision work (lm_head, attention, norms) on an FP16 unit in every design");
        assumption(html, "between table points", "integer widths: linear in bits between listed widths,"
                + " proportional to bits outside them; SRAM: linear in log2(capacity) between listed sizes,"
                + " square root of capacity above the largest");
        html.append("</table>\n<h3>Technology table and sources</h3>\n<table class=\"sources\">\n")
                .append("<tr><th>entry</th><th class=\"num\">energy</th><th>kind</th><th>source</th></tr>\n");
        for (ArithmeticEntry entry : tech.arithmetic()) {
            source(html, entry.op().label(), Numbers.significant(entry.picojoules(), 4) + " pJ", entry.provenance());
        }
        for (SramEntry entry : tech.sram()) {
            source(html, "SRAM " + entry.capacityBytes() / 1024 + " KB, " + entry.accessBits() + "-bit access",
                    Numbers.significant(entry.picojoules(), 4) + " pJ", entry.provenance());
        }
        source(html, "register bit write", Numbers.significant(tech.register().picojoulesPerBit(), 4) + " pJ/bit",
                tech.register().provenance());
        for (DramEntry entry : tech.dram()) {
            source(html, "DRAM " + entry.type() + (entry.deviceOnly() ? " (device only)" : ""),
                    Numbers.significant(entry.picojoulesPerBit(), 4) + " pJ/bit", entry.provenance());
        }
        html.append("</table>\n<h3>Published figures</h3>\n<ul>\n");
        for (PublishedFigure figure : report.published()) {
            html.append("<li>").append(Xml.escape(figure.what() + (figure.model().isEmpty() ? "" : ", " + figure.model())
                    + ": " + Numbers.ratio(figure.ratio()) + " (" + figure.source() + ")")).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static void assumption(StringBuilder html, String what, String value) {
        html.append("<tr><th>").append(Xml.escape(what)).append("</th><td>").append(Xml.escape(value))
                .append("</td></tr>\n");
    }

    private static void source(StringBuilder html, String entry, String energy, Provenance provenance) {
        html.append("<tr><td>").append(Xml.escape(entry)).append("</td>");
        numberCell(html, energy);
        html.append("<td>").append(provenance.kind().label()).append("</td><td class=\"note\">")
                .append(Xml.escape(provenance.source())).append("</td></tr>\n");
    }

    private static void numberCell(StringBuilder html, String text) {
        html.append("<td class=\"num\">").append(Xml.escape(text)).append("</td>");
    }
}
