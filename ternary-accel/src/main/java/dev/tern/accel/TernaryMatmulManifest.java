package dev.tern.accel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.accel.rtl.PlusMinusAdderTree;
import dev.tern.accel.rtl.TernaryLane;
import dev.tern.accel.rtl.TernaryMatVecCore;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.ir.Design;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON description that goes beside the Verilog of a {@link TernaryMatmulUnit}: the parameters,
 * the top module's ports, the memories, the word layouts and the cycle formula, so that software
 * driving the hardware needs nothing else.
 */
public final class TernaryMatmulManifest {
    public static final String FILE_NAME = MatmulManifest.FILE_NAME;

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
        ObjectNode root = MatmulManifest.start(AcceleratorConfig.DESIGN, design);
        ObjectNode parameters = root.putObject("parameters");
        parameters.put("lanes", config.lanes());
        parameters.put("rows", config.rows());
        parameters.put("pipeline", config.pipelineEvery());
        parameters.put("encoding", config.encoding() == WeightEncoding.TWO_BIT ? "two-bit" : "base3");
        parameters.put("weight-depth", config.weightDepth());
        parameters.put("activation-depth", config.activationDepth());
        MatmulManifest.addInterface(root, design);

        ObjectNode words = MatmulManifest.addBanks(root, config.weightDepth(), config.activationDepth());
        words.put("activation", "lane i: INT8 in bits 8i+7..8i");
        words.put("weight", config.encoding() == WeightEncoding.TWO_BIT
                ? "row r from bit " + config.encoding().bitsFor(config.lanes()) + "r; lane i: code (trit + 1) in bits 2i+1..2i"
                : "row r from bit " + config.encoding().bitsFor(config.lanes()) + "r; byte b: lanes 5b..5b+4 in base 3, TQ1_0 byte format");
        words.put("result", "row r of the group: INT32 in bits 32r+31..32r");

        ObjectNode cycles = MatmulManifest.addCycleFormula(root, config.rows(), config.lanes(), TernaryMatmulUnit.jobCycles(config, 0, 0));
        cycles.put("lane_registers", TernaryLane.latency());
        cycles.put("tree_registers", PlusMinusAdderTree.latency(config.lanes(), config.pipelineEvery()));
        cycles.put("datapath_latency", TernaryMatVecCore.latency(config));
        return root;
    }

    /** Indented JSON text of a manifest tree. */
    public static String toJson(ObjectNode tree) {
        return MatmulManifest.toJson(tree);
    }

    /** Writes {@value #FILE_NAME} into {@code directory}; returns its path. */
    public Path write(Path directory) throws IOException {
        return write(directory, toJson());
    }

    /** Writes {@code json} as {@value #FILE_NAME} into {@code directory}; returns its path. */
    public static Path write(Path directory, String json) throws IOException {
        return MatmulManifest.write(directory, json);
    }
}
