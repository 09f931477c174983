package dev.tern.cli;

import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.ModelFileFormat;
import dev.tern.bitnet.synth.SyntheticModel;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

final class MakeModelCommand implements CliCommand {
    @Override
    public String name() {
        return "make-model";
    }

    @Override
    public String summary() {
        return "write a synthetic BitNet b1.58 model made from a seed";
    }

    @Override
    public String synopsis() {
        return "--preset tiny|small|2b-shape --seed S --format " + String.join("|", ModelFileFormat.formatNames()) + " --out PATH";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("preset").hasArg().argName("NAME")
                .desc("model shape: tiny, small or 2b-shape (the shapes of bitnet-b1.58-2B-4T) (required)").build());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                .desc("the seed weights and tokenizer are made from (default 0)").build());
        options.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                .desc(String.join(", ", ModelFileFormat.formatNames()) + " (required)").build());
        options.addOption(Option.builder().longOpt("out").hasArg().argName("PATH")
                .desc("the GGUF file, or the checkpoint directory for safetensors (required)").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws IOException {
        OptionValues.rejectPositionalArguments(line, name());
        String preset = OptionValues.required(line, "preset", "NAME");
        BitNetConfig config = ModelPresets.bitnet(preset);
        long seed = OptionValues.anyLong(line, "seed", 0);
        String formatName = OptionValues.required(line, "format", "FORMAT");
        ModelFileFormat format = ModelFileFormat.fromName(formatName);
        Path out = Path.of(OptionValues.required(line, "out", "PATH"));
        // Made after the options are checked: a large vocabulary's tokenizer takes a moment to learn.
        SyntheticModel model = SyntheticModel.create(config, seed);

        terminal.err().println("writing synthetic " + preset + " (" + model.describe() + ") as " + format.formatName() + " to " + out);
        long start = System.nanoTime();
        OutputFiles.write(out, () -> {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            model.write(format, out);
            return out;
        });
        terminal.println(String.format(Locale.ROOT, "wrote %s: synthetic %s, %s, %s, %.1f MB in %.1f s", out, preset,
                model.describe(), format.formatName(), bytes(out) / 1e6, (System.nanoTime() - start) / 1e9));
        return Tern.OK;
    }

    /** Size of a file, or of every file in a directory. */
    private static long bytes(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
