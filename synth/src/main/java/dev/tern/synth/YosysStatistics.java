package dev.tern.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-module cell counts of Yosys {@code stat -json} (run without {@code -top}, whose JSON Yosys
 * 0.23 interleaves with text), with the hierarchy totals computed here from the submodule instances
 * each module lists among its cells.
 */
public final class YosysStatistics {
    private final SynthTarget target;
    /** Module name to cell type to count, submodule instances included, in Yosys' order. */
    private final Map<String, Map<String, Long>> cellsByModule;

    private YosysStatistics(SynthTarget target, Map<String, Map<String, Long>> cellsByModule) {
        this.target = target;
        this.cellsByModule = cellsByModule;
    }

    /** @throws SynthException when the file is not the JSON {@code stat -json} writes */
    public static YosysStatistics read(Path statJson, SynthTarget target) throws IOException {
        // Without a top module Yosys 0.23 ends the "modules" object with a comma and no "design" after it.
        ObjectMapper lenient = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
        JsonNode modules = lenient.readTree(statJson.toFile()).path("modules");
        if (!modules.isObject()) {
            throw new SynthException(statJson + ": no \"modules\" object; not Yosys stat -json output");
        }
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        modules.fields().forEachRemaining(module -> {
            Map<String, Long> byType = new LinkedHashMap<>();
            module.getValue().path("num_cells_by_type").fields()
                    .forEachRemaining(cell -> byType.put(cell.getKey(), cell.getValue().asLong()));
            cells.put(unescape(module.getKey()), byType);
        });
        return new YosysStatistics(target, cells);
    }

    /** The modules under {@code top} with their own and total cells, and the top's total. */
    public AreaReport area(String top) {
        if (!cellsByModule.containsKey(top)) {
            throw new SynthException("Yosys statistics have no module " + top + "; modules: " + cellsByModule.keySet());
        }
        Map<String, Long> instances = new LinkedHashMap<>();
        countInstances(top, 1, instances);
        Map<String, ResourceCounts> totals = new HashMap<>();
        List<ModuleArea> modules = new ArrayList<>();
        modules.add(new ModuleArea(top, 1, own(top), total(top, totals)));
        for (String module : cellsByModule.keySet()) {
            if (!module.equals(top) && instances.containsKey(module)) {
                modules.add(new ModuleArea(module, instances.get(module), own(module), total(module, totals)));
            }
        }
        return new AreaReport(target, top, modules, total(top, totals));
    }

    private ResourceCounts own(String module) {
        Map<String, Long> primitives = new LinkedHashMap<>();
        cellsByModule.get(module).forEach((type, n) -> {
            if (!cellsByModule.containsKey(type)) {
                primitives.put(type, n);
            }
        });
        return new ResourceCounts(target, primitives);
    }

    private ResourceCounts total(String module, Map<String, ResourceCounts> memo) {
        ResourceCounts known = memo.get(module);
        if (known != null) {
            return known;
        }
        ResourceCounts sum = own(module);
        for (Map.Entry<String, Long> cell : cellsByModule.get(module).entrySet()) {
            if (cellsByModule.containsKey(cell.getKey())) {
                sum = sum.plus(total(cell.getKey(), memo).times(cell.getValue()));
            }
        }
        memo.put(module, sum);
        return sum;
    }

    private void countInstances(String module, long times, Map<String, Long> instances) {
        instances.merge(module, times, Long::sum);
        for (Map.Entry<String, Long> cell : cellsByModule.get(module).entrySet()) {
            if (cellsByModule.containsKey(cell.getKey())) {
                countInstances(cell.getKey(), times * cell.getValue(), instances);
            }
        }
    }

    /** Yosys writes public names with a leading backslash. */
    private static String unescape(String name) {
        return name.startsWith("\\") ? name.substring(1) : name;
    }
}
