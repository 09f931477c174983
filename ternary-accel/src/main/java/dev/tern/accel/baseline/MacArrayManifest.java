package dev.tern.accel.baseline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.accel.MatmulManifest;
import dev.tern.hdl.ir.Design;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON description that goes beside the Verilog of a {@link MacArrayUnit}, like the ternary unit's: the
 * parameters, the top module's ports, the memories, the word layouts and the cycle formula.
 */
public final class MacArrayManifest {
    private final MacArrayConfig config;
    private final Design design;

    public MacArrayManifest(MacArrayConfig config, Design design) {
        this.config = config;
        this.design = design;
    }

    public String toJson() {
        ObjectNode root = MatmulManifest.start(config.precision().design(), design);
        ObjectNode parameters = root.putObject("parameters");
        parameters.put("lanes", config.lanes());
        parameters.put("rows", config.rows());
        parameters.put("weight-depth", config.weightDepth());
        parameters.put("activation-depth", config.activationDepth());
        MatmulManifest.addInterface(root, design);

        ObjectNode words = MatmulManifest.addBanks(root, config.weightDepth(), config.activationDepth());
        int e = config.precision().elementBits();
        String element = config.precision() == MacPrecision.INT8 ? "INT8" : "IEEE half (bit pattern)";
        words.put("activation", "lane i: " + element + " in bits " + e + "i+" + (e - 1) + ".." + e + "i");
        words.put("weight", "row r from bit " + config.rowBits() + "r; lane i: " + element + " in bits " + e + "i+" + (e - 1) + ".." + e + "i"
                + " of the row");
        int b = config.precision().resultBits();
        words.put("result", "row r of the group: " + (config.precision() == MacPrecision.INT8 ? "INT32 (wrapping)" : "IEEE half")
                + " in bits " + b + "r+" + (b - 1) + ".." + b + "r");

        ObjectNode cycles = MatmulManifest.addCycleFormula(root, config.rows(), config.lanes(), MacArrayUnit.jobCycles(config, 0, 0));
        cycles.put("datapath_latency", MacArray.latency(config));
        return MatmulManifest.toJson(root);
    }

    /** Writes {@value MatmulManifest#FILE_NAME} into {@code directory}; returns its path. */
    public Path write(Path directory) throws IOException {
        return MatmulManifest.write(directory, toJson());
    }
}
