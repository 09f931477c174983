package dev.tern.cli;

import dev.tern.hdl.ir.Design;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.List;

/** The design selection shared by generate, simulate, cosim and synth: {@code <design> [--param k=v]...}. */
final class DesignOptions {
    private DesignOptions() {
    }

    static void addTo(Options options) {
        options.addOption(Option.builder("p").longOpt("param").hasArg().argName("k=v")
                .desc("a design parameter (repeatable); see `tern list-designs`").build());
    }

    static String designName(CommandLine line) {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("which design? (see `tern list-designs`)");
        }
        if (args.size() > 1) {
            throw new UsageException("one design at a time; unexpected " + args.subList(1, args.size()));
        }
        return args.get(0);
    }

    static List<String> parameters(CommandLine line) {
        String[] values = line.getOptionValues("param");
        return values == null ? List.of() : List.of(values);
    }

    static Design elaborate(CommandLine line) {
        return Designs.catalog().elaborate(designName(line), parameters(line));
    }
}
