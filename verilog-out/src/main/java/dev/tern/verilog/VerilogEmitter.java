package dev.tern.verilog;

import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.ModuleDef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verilog-2005 for a design: readable (the user's names, one {@code assign} per combinational signal,
 * one {@code always @(posedge clk)} per register group, a header naming the generator and its
 * parameters, the user's source line beside each declaration) and deterministic (the same design
 * gives byte-identical text). The output passes {@code verilator --lint-only -Wall}, Yosys
 * {@code synth} and {@code iverilog -g2005}.
 */
public final class VerilogEmitter {
    public enum Layout {
        /** One file per module, named after it ({@code Fifo_depth16_width8.v}). */
        FILE_PER_MODULE,
        /** All modules in one file named after the top module, submodules first. */
        SINGLE_FILE
    }

    private final boolean sourceLocations;

    private VerilogEmitter(boolean sourceLocations) {
        this.sourceLocations = sourceLocations;
    }

    /** An emitter that writes each declaration's Java source line as a trailing comment. */
    public static VerilogEmitter withSourceLocations() {
        return new VerilogEmitter(true);
    }

    /** An emitter without source-line comments (stable across edits of the generator's source). */
    public static VerilogEmitter withoutSourceLocations() {
        return new VerilogEmitter(false);
    }

    public String module(ModuleDef module) {
        return new ModuleWriter(module, sourceLocations).write();
    }

    /** File name to contents, in a stable order. */
    public Map<String, String> files(Design design, Layout layout) {
        Map<String, String> files = new LinkedHashMap<>();
        if (layout == Layout.FILE_PER_MODULE) {
            for (ModuleDef m : design.modules()) {
                files.put(m.name() + ".v", module(m));
            }
        } else {
            StringBuilder text = new StringBuilder();
            if (design.modules().size() > 1) {
                // Verilator's DECLFILENAME style check expects one module per file named after it; here that is by choice.
                text.append("// verilator lint_off DECLFILENAME\n\n");
            }
            for (ModuleDef m : design.modules()) {
                if (text.length() > 0 && !text.toString().endsWith("DECLFILENAME\n\n")) {
                    text.append('\n');
                }
                text.append(module(m));
            }
            files.put(design.top().name() + ".v", text.toString());
        }
        return files;
    }

    /** The whole design as one text, submodules first. */
    public String singleFile(Design design) {
        return files(design, Layout.SINGLE_FILE).values().iterator().next();
    }

    /** Writes the design's files into {@code directory} (created if missing); returns the files written. */
    public Map<String, Path> write(Design design, Path directory, Layout layout) throws IOException {
        Files.createDirectories(directory);
        Map<String, Path> written = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files(design, layout).entrySet()) {
            Path path = directory.resolve(f.getKey());
            Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
            written.put(f.getKey(), path);
        }
        return written;
    }
}
