package dev.tern.synth.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.synth.CellCategory;
import dev.tern.synth.SynthReports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/** A sweep's results as CSV, JSON and a self-contained HTML page with Pareto charts. */
public final class SweepReports {
    public static final String CSV_FILE = "sweep.csv";
    public static final String JSON_FILE = "sweep.json";
    public static final String HTML_FILE = "sweep.html";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Roofline KV260_LIKE = new Roofline(PublishedAnchors.KV260_CLOCK_MHZ, PublishedAnchors.KV260_DRAM_GBPS);

    private final SweepRequest request;
    private final List<SweepPoint> points;
    private final List<String> baselineIds;

    public SweepReports(SweepRequest request, List<SweepPoint> points) {
        this.request = request;
        this.points = List.copyOf(points);
        TreeSet<String> ids = new TreeSet<>();
        points.forEach(p -> p.performance().ifPresent(perf -> ids.addAll(perf.baselineEnergyPerTokenJoules().keySet())));
        this.baselineIds = List.copyOf(ids);
    }

    /** Writes {@value #CSV_FILE}, {@value #JSON_FILE} and {@value #HTML_FILE} into {@code directory}; returns them. */
    public List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = List.of(directory.resolve(CSV_FILE), directory.resolve(JSON_FILE), directory.resolve(HTML_FILE));
        Files.writeString(files.get(0), csv(), StandardCharsets.UTF_8);
        Files.writeString(files.get(1), json(), StandardCharsets.UTF_8);
        Files.writeString(files.get(2), html(), StandardCharsets.UTF_8);
        return files;
    }

    /** One column: its header and its value in a point, empty when not known. */
    private record Column(String header, Function<SweepPoint, String> value) {
    }

    private List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        for (String axis : request.grid().axes().keySet()) {
            columns.add(new Column(axis, p -> p.parameters().getOrDefault(axis, valueOf(p.assignments(), axis))));
        }
        columns.add(new Column("status", p -> p.succeeded() ? "ok" : "failed"));
        for (CellCategory category : CellCategory.values()) {
            columns.add(new Column(category.key(), p -> p.area().map(a -> Long.toString(a.count(category))).orElse("")));
        }
        columns.add(new Column("luts_per_lane", p -> p.lutsPerLane().map(v -> format(v)).orElse("")));
        columns.add(new Column("cycles_per_token", p -> perf(p, perf -> Long.toString(perf.cyclesPerToken()))));
        columns.add(new Column("cycles_checked_on", p -> perf(p, Performance::cyclesCheckedOn)));
        columns.add(new Column("weight_bytes_per_token", p -> perf(p, perf -> Long.toString(perf.weightBytesPerToken()))));
        columns.add(new Column("tokens_per_s", p -> perf(p, perf -> format(perf.tokensPerSecond()))));
        columns.add(new Column("bound", p -> perf(p, perf -> perf.bound().name().toLowerCase(Locale.ROOT))));
        columns.add(new Column("kv260_like_tokens_per_s", p -> perf(p, perf -> format(kv260Like(perf)))));
        columns.add(new Column("energy_j_per_token", p -> perf(p, perf -> format(perf.energyPerTokenJoules()))));
        for (String id : baselineIds) {
            columns.add(new Column(id + "_energy_j_per_token",
                    p -> perf(p, perf -> Optional.ofNullable(perf.baselineEnergyPerTokenJoules().get(id)).map(SweepReports::format).orElse(""))));
        }
        for (String baseline : request.baselines()) {
            String prefix = baseline.replace('-', '_') + "_";
            for (CellCategory category : List.of(CellCategory.LUT, CellCategory.FLIP_FLOP, CellCategory.DSP)) {
                columns.add(new Column(prefix + category.key(), p -> Optional.ofNullable(p.baselineAreas().get(baseline))
                        .map(a -> Long.toString(a.count(category))).orElse("")));
            }
        }
        columns.add(new Column("cached", p -> p.succeeded() ? Boolean.toString(p.cached()) : ""));
        columns.add(new Column("parameters", p -> p.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + " " + b).orElse("")));
        columns.add(new Column("failure", p -> p.failure().orElse("")));
        return columns;
    }

    private static double kv260Like(Performance perf) {
        return KV260_LIKE.tokensPerSecond(perf.cyclesPerToken(), perf.weightBytesPerToken());
    }

    private static String perf(SweepPoint point, Function<Performance, String> value) {
        return point.performance().map(value).orElse("");
    }

    private static String valueOf(List<String> assignments, String axis) {
        return assignments.stream().filter(a -> a.startsWith(axis + "=")).map(a -> a.substring(axis.length() + 1)).findFirst().orElse("");
    }

    public String csv() {
        List<Column> columns = columns();
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(Column::header).toList())).append('\n');
        for (SweepPoint point : points) {
            out.append(String.join(",", columns.stream().map(c -> csvField(c.value().apply(point))).toList())).append('\n');
        }
        return out.toString();
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    public String json() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("design", request.design());
        root.put("target", request.target().id());
        root.put("clock_mhz", request.roofline().clockMhz());
        root.put("dram_gbps", request.roofline().dramGbps());
        request.energy().ifPresent(e -> root.put("model", e.models().get(0).name()));
        ObjectNode anchors = root.putObject("published");
        anchors.put("source", PublishedAnchors.SOURCE);
        anchors.put("luts_per_lane", PublishedAnchors.LUTS_PER_LANE);
        anchors.put("kv260_tokens_per_s", PublishedAnchors.KV260_TOKENS_PER_SECOND);
        anchors.put("kv260_clock_mhz", PublishedAnchors.KV260_CLOCK_MHZ);
        anchors.put("kv260_like_dram_gbps", PublishedAnchors.KV260_DRAM_GBPS);
        ArrayNode list = root.putArray("points");
        for (SweepPoint point : points) {
            ObjectNode p = list.addObject();
            ObjectNode swept = p.putObject("swept");
            point.assignments().forEach(a -> swept.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
            ObjectNode parameters = p.putObject("parameters");
            point.parameters().forEach(parameters::put);
            p.put("status", point.succeeded() ? "ok" : "failed");
            point.failure().ifPresent(f -> p.put("failure", f));
            point.area().ifPresent(a -> p.set("area", SynthReports.counts(a)));
            p.put("cached", point.cached());
            point.lutsPerLane().ifPresent(v -> p.put("luts_per_lane", v));
            if (!point.baselineAreas().isEmpty()) {
                ObjectNode baselineAreas = p.putObject("baseline_area");
                point.baselineAreas().forEach((design, area) -> baselineAreas.set(design, SynthReports.counts(area)));
            }
            point.performance().ifPresent(perf -> {
                ObjectNode n = p.putObject("performance");
                n.put("cycles_per_token", perf.cyclesPerToken());
                n.put("cycles_checked_on", perf.cyclesCheckedOn());
                n.put("weight_bytes_per_token", perf.weightBytesPerToken());
                n.put("tokens_per_s", perf.tokensPerSecond());
                n.put("bound", perf.bound().name().toLowerCase(Locale.ROOT));
                n.put("kv260_like_tokens_per_s", kv260Like(perf));
                n.put("energy_j_per_token", perf.energyPerTokenJoules());
                ObjectNode baselines = n.putObject("baseline_energy_j_per_token");
                perf.baselineEnergyPerTokenJoules().forEach(baselines::put);
            });
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    public String html() {
        StringBuilder html = new StringBuilder();
        String title = "Sweep of " + request.design() + " (" + request.target().id() + ")";
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(ScatterChart.escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;font-size:13px}"
                        + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#eee}.failed{color:#b00}"
                        + "svg text{font-size:11px}svg .title{font-size:14px;font-weight:bold}</style></head><body>\n");
        html.append("<h1>").append(ScatterChart.escape(title)).append("</h1>\n<p>");
        request.energy().ifPresent(e -> html.append("Model ").append(ScatterChart.escape(e.models().get(0).name())).append("; "));
        html.append(String.format(Locale.ROOT, "%s MHz clock, %s GB/s DRAM; area from Yosys %s. %d configurations, %d failed.</p>%n",
                ScatterChart.number(request.roofline().clockMhz()), ScatterChart.number(request.roofline().dramGbps()),
                request.target().yosysCommand(), points.size(), points.stream().filter(p -> !p.succeeded()).count()));
        List<SweepPoint> measured = points.stream().filter(p -> p.succeeded() && p.performance().isPresent()).toList();
        if (!measured.isEmpty()) {
            html.append(chart(measured, "Area against speed", "LUTs", p -> (double) p.area().orElseThrow().luts()));
            html.append(chart(measured, "Energy against speed", "energy per token (J)",
                    p -> p.performance().orElseThrow().energyPerTokenJoules()));
            html.append("<p>Red: the Pareto front (no other configuration is both smaller and faster, or both more frugal and faster)."
                    + " The green line is the KV260 measurement for the 2B model.</p>\n");
        } else {
            html.append("<p>No cycle model for this design: area only.</p>\n");
        }
        html.append(anchors());
        html.append("<h2>All configurations</h2>\n<table>\n<tr>");
        List<Column> columns = columns();
        columns.forEach(c -> html.append("<th>").append(ScatterChart.escape(c.header())).append("</th>"));
        html.append("</tr>\n");
        for (SweepPoint point : points) {
            html.append(point.succeeded() ? "<tr>" : "<tr class=\"failed\">");
            columns.forEach(c -> html.append("<td>").append(ScatterChart.escape(c.value().apply(point))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        html.append("<p>Tokens/s counts the BitLinear layers only (the full-precision lm_head and attention run elsewhere):"
                + " the smaller of clock / cycles per token and DRAM bandwidth / weight bytes per token. Cycles per token come"
                + " from the cycle model; each configuration's simulated unit took exactly the counted cycles on the sample"
                + " product named in cycles_checked_on. Baseline energies are"
                + " INT8 and FP16 MAC arrays of the same lanes x rows, from the energy model"
                + (request.baselines().isEmpty() ? "" : "; the baseline area columns are those arrays (" + String.join(", ", request.baselines())
                + ") synthesised by Yosys at the same lanes x rows")
                + ".</p>\n</body></html>\n");
        return html.toString();
    }

    private String chart(List<SweepPoint> measured, String title, String yTitle, Function<SweepPoint, Double> cost) {
        List<SweepPoint> front = ParetoFront.of(measured, cost::apply, p -> p.performance().orElseThrow().tokensPerSecond());
        List<ScatterChart.Point> chartPoints = new ArrayList<>();
        for (SweepPoint p : measured) {
            chartPoints.add(new ScatterChart.Point(p.label(), p.performance().orElseThrow().tokensPerSecond(), cost.apply(p),
                    front.contains(p)));
        }
        List<ScatterChart.Reference> references = new ArrayList<>();
        references.add(new ScatterChart.Reference("KV260 " + PublishedAnchors.KV260_TOKENS_PER_SECOND + " tokens/s",
                PublishedAnchors.KV260_TOKENS_PER_SECOND, true));
        return ScatterChart.svg(title, "tokens/s", yTitle, chartPoints, references);
    }

    private String anchors() {
        StringBuilder html = new StringBuilder("<h2>Beside the published design</h2>\n<p>")
                .append(ScatterChart.escape(PublishedAnchors.SOURCE)).append(String.format(Locale.ROOT,
                        ": %.1f LUTs per ternary lane; %.2f tokens/s measured at %.0f MHz for the 2B model.",
                        PublishedAnchors.LUTS_PER_LANE, PublishedAnchors.KV260_TOKENS_PER_SECOND, PublishedAnchors.KV260_CLOCK_MHZ))
                .append(String.format(Locale.ROOT, " Ours below, projected at %.0f MHz and %.1f GB/s (KV260-like);"
                        + " LUTs per lane are the whole unit's (SRAM control and result FIFO included) over lanes x rows.</p>%n",
                        PublishedAnchors.KV260_CLOCK_MHZ, PublishedAnchors.KV260_DRAM_GBPS));
        html.append("<table><tr><th>configuration</th><th>LUTs per lane</th><th>published</th><th>KV260-like tokens/s</th><th>published</th></tr>\n");
        for (SweepPoint p : points) {
            if (p.lutsPerLane().isEmpty() && p.performance().isEmpty()) {
                continue;
            }
            html.append("<tr><td>").append(ScatterChart.escape(p.label())).append("</td><td>")
                    .append(p.lutsPerLane().map(SweepReports::format).orElse("")).append("</td><td>")
                    .append(format(PublishedAnchors.LUTS_PER_LANE)).append("</td><td>")
                    .append(p.performance().map(perf -> format(kv260Like(perf))).orElse("")).append("</td><td>")
                    .append(format(PublishedAnchors.KV260_TOKENS_PER_SECOND)).append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
