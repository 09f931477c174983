package dev.tern.cli;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryMatmulGenerator;
import dev.tern.accel.TernaryMatmulManifest;
import dev.tern.accel.axi.TernaryMatmulAxiGenerator;
import dev.tern.accel.axi.TernaryMatmulAxiManifest;
import dev.tern.accel.baseline.MacArrayConfig;
import dev.tern.accel.baseline.MacArrayGenerator;
import dev.tern.accel.baseline.MacArrayManifest;
import dev.tern.accel.baseline.MacPrecision;
import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.ir.Design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every design `tern` can generate, simulate or synthesise by name, and the files each writes beside its Verilog. */
final class Designs {
    private Designs() {
    }

    private static final List<MacArrayGenerator> MAC_UNITS = List.of(new MacArrayGenerator(MacPrecision.INT8),
            new MacArrayGenerator(MacPrecision.FP16));

    static DesignCatalog catalog() {
        return DesignCatalog.examples().with(new TernaryMatmulGenerator())
                .with(MAC_UNITS.toArray(new MacArrayGenerator[0]))
                .with(new TernaryMatmulAxiGenerator());
    }

    /** Writes the design's companion files (the accelerators' manifests) into {@code directory}; returns what it wrote. */
    static Optional<Path> writeCompanions(String name, List<String> assignments, Design design, Path directory) throws IOException {
        for (MacArrayGenerator mac : MAC_UNITS) {
            if (name.equals(mac.name())) {
                MacArrayConfig config = mac.config(DesignParameters.parse(mac, assignments));
                return Optional.of(new MacArrayManifest(config, design).write(directory));
            }
        }
        boolean unit = name.equals(AcceleratorConfig.DESIGN);
        boolean axi = name.equals(TernaryMatmulAxiGenerator.DESIGN);
        if (!unit && !axi) {
            return Optional.empty();
        }
        AcceleratorConfig config = TernaryMatmulGenerator.config(DesignParameters.parse(catalog().find(name), assignments));
        return Optional.of(axi ? new TernaryMatmulAxiManifest(config, design).write(directory)
                : new TernaryMatmulManifest(config, design).write(directory));
    }
}
