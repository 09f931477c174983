package dev.tern.cli;

import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetModelLoader;
import dev.tern.energy.workload.ModelShape;
import dev.tern.energy.workload.PaperModels;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The workload of energy and sweep commands: {@code --model PATH} or {@code --preset NAME} (BitNet presets and the paper's sizes). */
final class ModelShapeOptions {
    static final String DEFAULT_PRESET = "2b-shape";

    private ModelShapeOptions() {
    }

    static void addTo(Options options) {
        options.addOption(Option.builder().longOpt("model").hasArg().argName("PATH")
                .desc("a BitNet model file or checkpoint directory whose shape to use").build());
        options.addOption(Option.builder().longOpt("preset").hasArg().argName("NAME")
                .desc("a model shape by name: " + String.join(", ", presetNames()) + " (default " + DEFAULT_PRESET + ")").build());
    }

    /** Refuses {@code --model} with {@code --preset}. */
    static void checkOneModel(CommandLine line) {
        if (line.hasOption("model") && line.hasOption("preset")) {
            throw new UsageException("--model and --preset both given; one model at a time");
        }
    }

    /** The shape the options name, loading a model file when one is given. */
    static ModelShape shape(CommandLine line) throws IOException {
        checkOneModel(line);
        if (line.hasOption("model")) {
            Path path = Path.of(line.getOptionValue("model"));
            return BitNetShapes.of(fileName(path), BitNetModelLoader.load(path).config());
        }
        return presetShape(line.getOptionValue("preset", DEFAULT_PRESET));
    }

    static String fileName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /** A BitNet preset's or a paper model size's shape. */
    static ModelShape presetShape(String preset) {
        if (ModelPresets.isBitNetPreset(preset)) {
            return BitNetShapes.of(preset, ModelPresets.bitnet(preset));
        }
        return PaperModels.shapes().stream().filter(s -> s.name().equalsIgnoreCase(preset)).findFirst()
                .orElseThrow(() -> new UsageException("unknown preset '" + preset + "'; presets: " + String.join(", ", presetNames())));
    }

    static List<String> presetNames() {
        List<String> names = new ArrayList<>(BitNetConfig.PRESET_NAMES);
        PaperModels.shapes().forEach(shape -> names.add(shape.name()));
        return names;
    }
}
