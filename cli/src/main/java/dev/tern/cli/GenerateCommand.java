package dev.tern.cli;

import dev.tern.hdl.ir.Design;
import dev.tern.verilog.VerilogEmitter;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

final class GenerateCommand implements CliCommand {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write a design's Verilog";
    }

    @Override
    public String synopsis() {
        return "<design> [--param k=v]... --out DIR [--single-file] [--no-source-lines]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        DesignOptions.addTo(options);
        options.addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR").desc("output directory (required)").build());
        options.addOption(Option.builder().longOpt("single-file").desc("one file for the whole design instead of one per module").build());
        options.addOption(Option.builder().longOpt("no-source-lines").desc("omit the Java source line comments").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws IOException {
        Design design = DesignOptions.elaborate(line);
        if (!line.hasOption("out")) {
            throw new UsageException("--out DIR is required");
        }
        Path out = Path.of(line.getOptionValue("out"));
        VerilogEmitter emitter = line.hasOption("no-source-lines") ? VerilogEmitter.withoutSourceLocations() : VerilogEmitter.withSourceLocations();
        VerilogEmitter.Layout layout = line.hasOption("single-file") ? VerilogEmitter.Layout.SINGLE_FILE : VerilogEmitter.Layout.FILE_PER_MODULE;
        Map<String, Path> files = new java.util.LinkedHashMap<>(OutputFiles.write(out, () -> emitter.write(design, out, layout)));
        OutputFiles.write(out, () -> Designs.writeCompanions(DesignOptions.designName(line), DesignOptions.parameters(line), design, out))
                .ifPresent(p -> files.put(p.getFileName().toString(), p));
        terminal.println("generated " + design.name() + " (" + design.modules().size() + " module"
                + (design.modules().size() == 1 ? "" : "s") + ") into " + out + ":");
        files.values().forEach(p -> terminal.println("  " + p));
        return 0;
    }
}
