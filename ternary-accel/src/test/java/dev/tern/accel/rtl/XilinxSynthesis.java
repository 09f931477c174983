package dev.tern.accel.rtl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.verilog.tools.ExternalTool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Yosys {@code synth_xilinx -flatten} of emitted files, with the top module's cell counts from {@code stat -json}. */
record XilinxSynthesis(ExternalTool.Result run, Map<String, Long> cells) {
    static XilinxSynthesis of(Path dir, List<Path> files, String top) throws IOException {
        StringBuilder script = new StringBuilder();
        for (Path f : files) {
            script.append("read_verilog ").append(f).append("; ");
        }
        Path stat = dir.resolve("stat.json");
        script.append("hierarchy -check -top ").append(top).append("; proc; synth_xilinx -flatten -top ").append(top)
                .append("; tee -q -o ").append(stat).append(" stat -json");
        ExternalTool.Result result = ExternalTool.run(dir, 600, List.of("yosys", "-q", "-p", script.toString()));
        Map<String, Long> cells = new TreeMap<>();
        if (result.succeeded()) {
            JsonNode modules = new ObjectMapper().readTree(stat.toFile()).path("modules");
            JsonNode topStats = modules.path("\\" + top).isMissingNode() ? modules.elements().next() : modules.path("\\" + top);
            topStats.path("num_cells_by_type").fields().forEachRemaining(e -> cells.put(e.getKey(), e.getValue().asLong()));
        }
        return new XilinxSynthesis(result, cells);
    }

    long count(String prefix) {
        return cells.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    /** LUT cells of every size. */
    long luts() {
        return count("LUT");
    }

    /** DSP48 slices of any family. */
    long dsps() {
        return count("DSP");
    }
}
