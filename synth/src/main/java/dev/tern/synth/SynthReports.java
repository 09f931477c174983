package dev.tern.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link SynthResult} as text for the terminal and as JSON. */
public final class SynthReports {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SynthReports() {
    }

    public static String text(SynthResult result) {
        AreaReport area = result.area();
        StringBuilder out = new StringBuilder();
        out.append(result.top()).append(": Yosys ").append(area.target().yosysCommand()).append('\n');
        List<String> header = new ArrayList<>(List.of("module", "instances"));
        for (CellCategory category : CellCategory.values()) {
            header.add(category.label());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (ModuleArea module : area.modules()) {
            rows.add(row(module.name(), Long.toString(module.instances()), module.own()));
        }
        rows.add(row("total", "", area.total()));
        out.append(table(rows));
        out.append("(per module: its own cells in one instance; total: the whole hierarchy)\n");
        result.ice40().ifPresent(ice40 -> out.append(ice40Text(ice40)));
        return out.toString();
    }

    private static String ice40Text(Ice40Implementation ice40) {
        StringBuilder out = new StringBuilder();
        out.append("iCE40 ").append(ice40.device().id()).append(" (").append(ice40.packageName())
                .append("), placed through a ").append(ice40.harnessPins()).append("-pin shift-register harness:\n");
        if (ice40.failure().isPresent()) {
            out.append("  ").append(ice40.failure().get()).append('\n');
            return out.toString();
        }
        ice40.fmaxMhz().ifPresent(f -> out.append(String.format(Locale.ROOT, "  Fmax %.2f MHz (target %.1f MHz)%n", f, ice40.targetMhz())));
        for (Map.Entry<String, Ice40Implementation.Usage> usage : ice40.utilisation().entrySet()) {
            if (usage.getValue().used() > 0) {
                out.append(String.format(Locale.ROOT, "  %-14s %6d / %6d  %5.1f%%%n", usage.getKey(), usage.getValue().used(),
                        usage.getValue().available(), 100.0 * usage.getValue().used() / Math.max(1, usage.getValue().available())));
            }
        }
        ice40.bitstream().ifPresent(b -> out.append("  bitstream ").append(b).append('\n'));
        return out.toString();
    }

    private static List<String> row(String name, String instances, ResourceCounts counts) {
        List<String> row = new ArrayList<>(List.of(name, instances));
        for (CellCategory category : CellCategory.values()) {
            row.add(Long.toString(counts.count(category)));
        }
        return row;
    }

    private static String table(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(i == 0 ? cell + " ".repeat(widths[i] - cell.length()) : " ".repeat(widths[i] - cell.length()) + cell);
                line.append(i + 1 < row.size() ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    public static ObjectNode json(SynthResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("top", result.top());
        ObjectNode parameters = root.putObject("parameters");
        result.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parameters.put(e.getKey(), e.getValue()));
        root.put("target", result.area().target().id());
        root.put("yosys_command", result.area().target().yosysCommand());
        root.set("total", counts(result.area().total()));
        ArrayNode modules = root.putArray("modules");
        for (ModuleArea module : result.area().modules()) {
            ObjectNode m = modules.addObject();
            m.put("name", module.name());
            m.put("instances", module.instances());
            m.set("own", counts(module.own()));
            m.set("total", counts(module.total()));
        }
        result.ice40().ifPresent(ice40 -> root.set("ice40", ice40Json(ice40)));
        root.put("work_dir", result.workDir().toString());
        return root;
    }

    private static ObjectNode ice40Json(Ice40Implementation ice40) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("device", ice40.device().id());
        node.put("package", ice40.packageName());
        node.put("harness_pins", ice40.harnessPins());
        node.put("fits", ice40.fits());
        ice40.failure().ifPresent(f -> node.put("failure", f));
        node.put("target_mhz", ice40.targetMhz());
        if (ice40.fmaxMhz().isPresent()) {
            node.put("fmax_mhz", ice40.fmaxMhz().getAsDouble());
        } else {
            node.putNull("fmax_mhz");
        }
        ArrayNode needs = node.putArray("needs");
        for (Ice40Need need : ice40.needs()) {
            ObjectNode n = needs.addObject();
            n.put("resource", need.resource());
            n.put("needed", need.needed());
            n.put("available", need.available());
            n.put("lower_bound", need.atLeast());
        }
        ObjectNode utilisation = node.putObject("utilisation");
        ice40.utilisation().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode u = utilisation.putObject(e.getKey());
            u.put("used", e.getValue().used());
            u.put("available", e.getValue().available());
        });
        if (ice40.bitstream().isPresent()) {
            node.put("bitstream", ice40.bitstream().get().toString());
        } else {
            node.putNull("bitstream");
        }
        return node;
    }

    /** The category sums and the cell types behind them. */
    public static ObjectNode counts(ResourceCounts counts) {
        ObjectNode node = MAPPER.createObjectNode();
        counts.byCategory().forEach((category, n) -> node.put(category.key(), n));
        ObjectNode types = node.putObject("cells_by_type");
        counts.cellsByType().forEach(types::put);
        return node;
    }

    public static void writeJson(SynthResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, MAPPER.writeValueAsString(json(result)) + "\n", StandardCharsets.UTF_8);
    }
}
