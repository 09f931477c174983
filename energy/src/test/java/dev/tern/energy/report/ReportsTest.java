package dev.tern.energy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.energy.EnergyAnalysis;
import dev.tern.energy.EnergyModelException;
import dev.tern.energy.EnergyOptions;
import dev.tern.energy.EnergyReport;
import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.MeasuredCounts;
import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.design.TernaryAdderTree;
import dev.tern.energy.design.WeightEncoding;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.energy.workload.ModelShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsTest {

    private static final ModelShape TWO_B =
            new ModelShape("2b-shape", 2560, 6912, 30, 20, 5, 128, 128256, true, true);
    private static final ModelShape TINY = new ModelShape("tiny", 256, 688, 4, 4, 2, 64, 1000, true, true);

    private static EnergyReport report;

    @BeforeAll
    static void analyse() {
        report = EnergyAnalysis.run(EnergyOptions.builder(List.of(TWO_B, TINY)).build());
    }

    @Test
    void jsonHoldsTheArithmeticRatioAndTheEndToEndRatioWithItsBreakdown() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReportWriter.render(report));
        assertEquals(JsonReportWriter.SCHEMA, json.get("schema").textValue());
        assertEquals(71.43, json.get("arithmetic_ratio").doubleValue(), 0.01);
        JsonNode endToEnd = json.get("end_to_end_ratio");
        assertEquals("2b-shape", endToEnd.get("model").textValue());
        for (String baseline : List.of("vs_fp16_mac", "vs_int8_mac")) {
            for (String key : List.of("bitlinear_layers", "whole_token", "tree_arithmetic", "whole_token_arithmetic")) {
                assertTrue(endToEnd.get(baseline).get(key).isNumber(), baseline + "." + key);
            }
        }
        for (String design : List.of("ternary", "fp16-mac", "int8-mac")) {
            for (String scope : List.of("bitlinear_layers", "full_precision", "whole_token")) {
                JsonNode energy = endToEnd.get("breakdown_pj_per_token").get(design).get(scope);
                double sum = 0;
                for (String component : List.of("arithmetic", "registers", "sram", "dram")) {
                    sum += energy.get(component).doubleValue();
                }
                assertEquals(energy.get("total").doubleValue(), sum, 1e-6 * sum);
            }
        }
        JsonNode fp16 = endToEnd.get("breakdown_pj_per_token").get("fp16-mac").get("bitlinear_layers");
        JsonNode ternary = endToEnd.get("breakdown_pj_per_token").get("ternary").get("bitlinear_layers");
        assertEquals(fp16.get("total").doubleValue() / ternary.get("total").doubleValue(),
                endToEnd.get("vs_fp16_mac").get("bitlinear_layers").doubleValue(), 1e-9);
        for (String key : List.of("assumptions", "models", "paper_models", "lanes_sweep", "cross_checks",
                "published", "why_ours_differ_from_published")) {
            assertTrue(json.has(key), key);
        }
        assertEquals(7, json.get("paper_models").size());
        JsonNode q = json.get("models").get(0).get("designs").get(0).get("matmuls").get(0);
        assertEquals("q", q.get("name").textValue());
        assertEquals("analytic", q.get("count_source").textValue());
        assertTrue(q.get("counts").get("datapath").has("int8 add"));
    }

    @Test
    void textTableShowsTheSameRatiosAndEnergiesAsTheJson() throws Exception {
        String text = TextReportWriter.render(report);
        JsonNode json = new ObjectMapper().readTree(JsonReportWriter.render(report));
        assertTrue(text.contains("paper method ((FP16 mul + FP16 add) / INT8 add): "
                + Numbers.ratio(json.get("arithmetic_ratio").doubleValue())), text);
        assertTrue(text.contains("71.43x"));
        JsonNode endToEnd = json.get("end_to_end_ratio");
        String ratioLine = line(text, RatioKind.BITLINEAR_END_TO_END.label);
        assertTrue(ratioLine.contains(Numbers.ratio(endToEnd.get("vs_fp16_mac").get("bitlinear_layers").doubleValue())),
                ratioLine);
        assertTrue(ratioLine.contains(Numbers.ratio(endToEnd.get("vs_int8_mac").get("bitlinear_layers").doubleValue())),
                ratioLine);
        String wholeToken = line(text, "ternary           whole token");
        double totalPj = endToEnd.get("breakdown_pj_per_token").get("ternary").get("whole_token").get("total")
                .doubleValue();
        assertTrue(wholeToken.endsWith(Numbers.energy(totalPj)), wholeToken);
    }

    private static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing + " in\n" + text));
    }

    @Test
    void csvHasOneRowPerModelDesignAndItemAndItsTotalsMatchTheJson() throws Exception {
        String csv = CsvReportWriter.render(report);
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", CsvReportWriter.HEADER), lines.get(0));
        // per model and design: 3 scopes + per layer + 7 projections, then the full-precision parts:
        // 5 for the integer cores (ternary, INT8, with BitLinear scaling) and 4 for the FP16 array
        int perModel = 3 * (3 + 1 + 7) + 5 + 5 + 4;
        int requested = 2 * perModel;
        int paper = 7 * perModel;
        assertEquals(1 + requested + paper, lines.size());
        String row = lines.stream().filter(l -> l.startsWith("2b-shape,requested,ternary,whole_token,")).findFirst()
                .orElseThrow();
        String[] cells = row.split(",");
        double total = Double.parseDouble(cells[cells.length - 1]);
        assertEquals(report.primary().ternary().perToken().total(), total, 0);
    }

    @Test
    void callerSectionsAppearAsWellFormedTables() throws Exception {
        ReportSection cycles = new ReportSection("cycles", "Simulated cycles <per layer>", "from the RTL",
                List.of("projection", "cycles"), List.of(List.of("q, o", "1,234"), List.of("down & up", "99")), List.of(1));
        String html = HtmlReportWriter.render(report, List.of(cycles));
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("<section id=\"cycles\">"));
        assertTrue(html.contains("Simulated cycles &lt;per layer&gt;"));
        assertTrue(html.contains("down &amp; up"));
        assertTrue(html.indexOf("id=\"cycles\"") < html.indexOf("id=\"assumptions\""));
        assertEquals("html", document.getDocumentElement().getTagName());
        assertThrows(IllegalArgumentException.class, () -> new ReportSection("x", "x", "", List.of("a", "b"),
                List.of(List.of("only one")), List.of()));
    }

    @Test
    void htmlIsWellFormedSelfContainedAndHoldsTheChartsAndTheirSeries() throws Exception {
        String html = HtmlReportWriter.render(report);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertFalse(html.contains("src="));
        assertFalse(html.contains("href="));
        assertFalse(html.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", "")
                .contains("http"), "nothing to fetch from the network");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        NodeList svgs = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        Map<String, List<String>> seriesByChart = new HashMap<>();
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            List<String> series = new ArrayList<>();
            NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
            for (int g = 0; g < groups.getLength(); g++) {
                Element group = (Element) groups.item(g);
                if (group.getAttribute("class").equals("series")) {
                    series.add(group.getAttribute("data-series"));
                }
            }
            seriesByChart.put(svg.getAttribute("id"), series);
        }
        List<String> components = List.of("arithmetic", "registers", "sram", "dram");
        assertEquals(components, seriesByChart.get("stacked-whole_token-0"));
        assertEquals(components, seriesByChart.get("stacked-bitlinear_layers-0"));
        assertEquals(components, seriesByChart.get("stacked-whole_token-1"));
        assertTrue(seriesByChart.get("ratio-vs-model-size").containsAll(List.of("bitlinear-fp16-mac",
                "whole-token-fp16-mac", "bitlinear-int8-mac", "whole-token-int8-mac", "arithmetic-whole-token",
                "paper-method", "published")), seriesByChart.toString());
        assertTrue(seriesByChart.get("energy-vs-lanes").containsAll(List.of("ternary", "fp16-mac", "int8-mac",
                "ternary-on-chip")), seriesByChart.toString());
        Element modelSizes = document.getElementById("model-sizes");
        assertTrue(modelSizes == null || modelSizes.getTextContent().contains("18.6x"));
        assertTrue(html.contains("18.60x") && html.contains("41.20x"), "published figures beside ours");
        assertTrue(html.contains("71.43x"));
        assertTrue(html.contains("Technology table and sources"));
    }

    @Test
    void crossChecksAppearInEveryFormatWhenSimulatedCountsAreGiven() throws Exception {
        MatmulShape q = new MatmulShape(256, 256);
        ActionCounts analytic = new TernaryAdderTree(
                ArrayConfig.defaults(), WeightEncoding.TWO_BIT).count(q);
        EnergyReport checked = EnergyAnalysis.run(EnergyOptions.builder(List.of(TINY)).includePaperModels(false)
                .simulatedTernary(MeasuredCounts.simulated(Map.of(q, analytic))).build());
        JsonNode check = new ObjectMapper().readTree(JsonReportWriter.render(checked)).get("cross_checks").get(0);
        assertEquals("q", check.get("matmul").textValue());
        assertTrue(check.get("arithmetic_agrees").booleanValue());
        assertTrue(TextReportWriter.render(checked).contains("tiny q (256x256), simulated: agree"));
        String html = HtmlReportWriter.render(checked);
        assertTrue(html.contains("<section id=\"cross-checks\">"));
        assertTrue(CsvReportWriter.render(checked).contains("tiny,requested,ternary,q,bitlinear,simulated,4,"));
    }

    @Test
    void eachChartHasTitledAxesWithUnits() throws Exception {
        String html = HtmlReportWriter.render(report);
        assertTrue(html.contains("energy per token (mJ)"), "stacked chart axis in mJ for 2b-shape");
        assertTrue(html.contains(">ratio</text>"));
        assertTrue(html.contains("lanes per row (inputs per adder tree or MAC row)"));
        assertTrue(html.contains("model size (BitNet b1.58 paper shapes)"));
    }

    @Test
    void writersPickTheFormatFromTheExtension(@TempDir Path dir) throws Exception {
        for (String name : List.of("r.txt", "r.json", "r.csv", "out/r.html")) {
            ReportWriters.write(report, dir.resolve(name));
        }
        assertTrue(Files.readString(dir.resolve("r.json")).contains("\"arithmetic_ratio\""));
        assertTrue(Files.readString(dir.resolve("out/r.html")).startsWith("<!DOCTYPE html>"));
        EnergyModelException e = assertThrows(EnergyModelException.class,
                () -> ReportWriters.write(report, dir.resolve("r.pdf")));
        assertTrue(e.getMessage().contains("r.pdf: cannot tell the report format"));
    }
}
