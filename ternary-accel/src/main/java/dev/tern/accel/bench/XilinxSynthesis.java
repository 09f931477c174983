package dev.tern.accel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.VerilogEmitter;
import dev.tern.verilog.tools.ExternalTool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Yosys {@code synth_xilinx -flatten} of a design's emitted Verilog, with the flattened top's cell
 * counts by type from {@code stat -json}.
 *
 * @param run   the Yosys run (its output explains a failure)
 * @param cells cell type to count; empty when the run failed
 */
public record XilinxSynthesis(ExternalTool.Result run, Map<String, Long> cells) {
    private static final long TIMEOUT_SECONDS = 1800;

    /** Emits {@code design} into {@code dir} and synthesises it. */
    public static XilinxSynthesis of(Design design, Path dir) throws IOException {
        List<Path> files = new ArrayList<>(VerilogEmitter.withoutSourceLocations()
                .write(design, dir, VerilogEmitter.Layout.FILE_PER_MODULE).values());
        return of(dir, files, design.top().name());
    }

    public static XilinxSynthesis of(Path dir, List<Path> files, String top) throws IOException {
        StringBuilder script = new StringBuilder();
        for (Path f : files) {
            script.append("read_verilog ").append(f).append("; ");
        }
        Path stat = dir.resolve(top + ".stat.json");
        script.append("hierarchy -check -top ").append(top).append("; proc; synth_xilinx -flatten -top ").append(top)
                .append("; tee -q -o ").append(stat).append(" stat -json");
        ExternalTool.Result result = ExternalTool.run(dir, TIMEOUT_SECONDS, List.of("yosys", "-q", "-p", script.toString()));
        Map<String, Long> cells = new TreeMap<>();
        if (result.succeeded()) {
            JsonNode modules = new ObjectMapper().readTree(stat.toFile()).path("modules");
            modules.path("\\" + top).path("num_cells_by_type").fields()
                    .forEachRemaining(e -> cells.put(e.getKey(), e.getValue().asLong()));
        }
        return new XilinxSynthesis(result, cells);
    }

    /** Cells whose type starts with {@code prefix}. */
    public long count(String prefix) {
        return cells.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    /** LUT cells of every size (LUT1..LUT6). */
    public long luts() {
        return count("LUT");
    }

    /** DSP slices of any family. */
    public long dsps() {
        return count("DSP");
    }

    /** Flip-flops of every kind. */
    public long flipFlops() {
        return count("FD");
    }

    /** Block RAM primitives. */
    public long blockRams() {
        return count("RAMB");
    }

    /** Distributed (LUT) RAM primitives. */
    public long lutRams() {
        return count("RAM") - blockRams();
    }
}
