package dev.tern.accel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.hdl.ir.Clocking;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Memory;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.Net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of a matmul unit's JSON manifest that follow from the shared {@link dev.tern.accel.rtl.MatmulUnit}
 * control and from the elaborated design, whatever the arithmetic: the top module's ports, the memories, the
 * SRAM banks and the cycle formula. Each unit's manifest adds its parameters and word layouts.
 */
public final class MatmulManifest {
    public static final String FILE_NAME = "manifest.json";

    private MatmulManifest() {
    }

    /** A manifest tree naming the design and its top module, for the caller to add its parameters to. */
    public static ObjectNode start(String designName, Design design) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("design", designName);
        root.put("top", design.top().name());
        return root;
    }

    /** Adds {@code clocking}, {@code ports} (the top module's, in order) and {@code memories} (of every module). */
    public static void addInterface(ObjectNode root, Design design) {
        ObjectNode clocking = root.putObject("clocking");
        Clocking implicit = design.top().clocking();
        clocking.put("clock", implicit.clock());
        clocking.put("reset", implicit.reset() + " (synchronous, " + implicit.resetPolarity() + ")");
        ArrayNode ports = root.putArray("ports");
        for (Net.Port port : design.top().ports()) {
            ObjectNode p = ports.addObject();
            p.put("name", port.name());
            p.put("direction", port.isInput() ? "input" : "output");
            p.put("width", port.type().width());
            p.put("signed", port.type().signed());
        }
        ArrayNode memories = root.putArray("memories");
        for (ModuleDef module : design.modules()) {
            for (Memory memory : module.memories()) {
                ObjectNode m = memories.addObject();
                m.put("module", module.name());
                m.put("name", memory.name());
                m.put("depth", memory.depth());
                m.put("word_bits", memory.dataType().width());
                m.put("total_bits", memory.bits());
            }
        }
    }

    /** Adds the {@code words} object with the banks and the weight order of the shared control; returns it for the word layouts. */
    public static ObjectNode addBanks(ObjectNode root, int weightDepth, int activationDepth) {
        ObjectNode words = root.putObject("words");
        words.put("activation_banks", "2 banks of " + activationDepth + " words; a job reads the bank filled before its start"
                + " while activation_in fills the other; every start swaps them");
        words.put("weight_banks", "2 banks of " + weightDepth + " words; a job reads the bank filled before its start"
                + " while weight_in fills the other; a start swaps them only if weight_in delivered words since the previous start,"
                + " so jobs without new weights reuse the current matrix");
        words.put("weight_order", "row group g (rows g*rows..), then tile t (columns t*lanes..); word index g*T + t");
        return words;
    }

    /**
     * Adds {@code cycle_formula}: {@code ceil(out/rows) * ceil(in/lanes) + constant} and the load rules; returns it for
     * the unit's own latency breakdown.
     */
    public static ObjectNode addCycleFormula(ObjectNode root, int rows, int lanes, long constant) {
        ObjectNode cycles = root.putObject("cycle_formula");
        cycles.put("formula", "ceil(out/" + rows + ") * ceil(in/" + lanes + ") + " + constant);
        cycles.put("counts", "clock edges from the one after start to the one accepting the last result, result_out_ready held high");
        cycles.put("constant", constant);
        cycles.put("load_edges", "ceil(out/rows) * ceil(in/lanes) weight words + ceil(in/lanes) activation words, one per edge"
                + " on each stream; neither stream accepts a word on a start's edge");
        cycles.put("overlap", "the next job's words stream into the free banks while a job computes; with both streams fed in"
                + " parallel from the edge after its start, the next job waits max(0, max(weight words, activation words) - job edges)"
                + " edges after this job ends");
        return cycles;
    }

    /** Indented JSON text of a manifest tree. */
    public static String toJson(ObjectNode tree) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }

    /** Writes {@code json} as {@value #FILE_NAME} into {@code directory}; returns its path. */
    public static Path write(Path directory, String json) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
