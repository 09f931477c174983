package dev.tern.accel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.accel.rtl.PlusMinusAdderTree;
import dev.tern.accel.rtl.TernaryLane;
import dev.tern.accel.rtl.TernaryMatVecCore;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Memory;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.Net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON description that goes beside the Verilog of a {@link TernaryMatmulUnit}: the parameters,
 * the top module's ports, the memories, the word layouts and the cycle formula, so that software
 * driving the hardware needs nothing else.
 */
public final class TernaryMatmulManifest {
    public static final String FILE_NAME = "manifest.json";

    private final AcceleratorConfig config;
    private final Design design;

    public TernaryMatmulManifest(AcceleratorConfig config, Design design) {
        this.config = config;
        this.design = design;
    }

    public String toJson() {
        return toJson(tree());
    }

    /** The manifest as a JSON tree, for a wrapper's manifest to extend. */
    public ObjectNode tree() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("design", AcceleratorConfig.DESIGN);
        root.put("top", design.top().name());
        ObjectNode parameters = root.putObject("parameters");
        parameters.put("lanes", config.lanes());
        parameters.put("rows", config.rows());
        parameters.put("pipeline", config.pipelineEvery());
        parameters.put("encoding", config.encoding() == WeightEncoding.TWO_BIT ? "two-bit" : "base3");
        parameters.put("weight-depth", config.weightDepth());
        parameters.put("activation-depth", config.activationDepth());

        ObjectNode clocking = root.putObject("clocking");
        clocking.put("clock", ModuleDef.CLOCK);
        clocking.put("reset", ModuleDef.RESET + " (synchronous, active high)");
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
        ObjectNode words = root.putObject("words");
        words.put("activation", "lane i: INT8 in bits 8i+7..8i");
        words.put("activation_banks", "2 banks of " + config.activationDepth() + " words; a job reads the bank filled before its start"
                + " while activation_in fills the other; every start swaps them");
        words.put("weight_banks", "2 banks of " + config.weightDepth() + " words; a job reads the bank filled before its start"
                + " while weight_in fills the other; a start swaps them only if weight_in delivered words since the previous start,"
                + " so jobs without new weights reuse the current matrix");
        words.put("weight", config.encoding() == WeightEncoding.TWO_BIT
                ? "row r from bit " + config.encoding().bitsFor(config.lanes()) + "r; lane i: code (trit + 1) in bits 2i+1..2i"
                : "row r from bit " + config.encoding().bitsFor(config.lanes()) + "r; byte b: lanes 5b..5b+4 in base 3, TQ1_0 byte format");
        words.put("weight_order", "row group g (rows g*rows..), then tile t (columns t*lanes..); word index g*T + t");
        words.put("result", "row r of the group: INT32 in bits 32r+31..32r");

        ObjectNode cycles = root.putObject("cycle_formula");
        int constant = (int) TernaryMatmulUnit.jobCycles(config, 0, 0);
        cycles.put("formula", "ceil(out/" + config.rows() + ") * ceil(in/" + config.lanes() + ") + " + constant);
        cycles.put("counts", "clock edges from the one after start to the one accepting the last result, result_out_ready held high");
        cycles.put("lane_registers", TernaryLane.latency());
        cycles.put("tree_registers", PlusMinusAdderTree.latency(config.lanes(), config.pipelineEvery()));
        cycles.put("datapath_latency", TernaryMatVecCore.latency(config));
        cycles.put("constant", constant);
        cycles.put("load_edges", "ceil(out/rows) * ceil(in/lanes) weight words + ceil(in/lanes) activation words, one per edge"
                + " on each stream; neither stream accepts a word on a start's edge");
        cycles.put("overlap", "the next job's words stream into the free banks while a job computes; with both streams fed in"
                + " parallel from the edge after its start, the next job waits max(0, max(weight words, activation words) - job edges)"
                + " edges after this job ends");
        return root;
    }

    /** Indented JSON text of a manifest tree. */
    public static String toJson(ObjectNode tree) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }

    /** Writes {@value #FILE_NAME} into {@code directory}; returns its path. */
    public Path write(Path directory) throws IOException {
        return write(directory, toJson());
    }

    /** Writes {@code json} as {@value #FILE_NAME} into {@code directory}; returns its path. */
    public static Path write(Path directory, String json) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
