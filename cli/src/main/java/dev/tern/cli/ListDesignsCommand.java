package dev.tern.cli;

import dev.tern.hdl.catalog.DesignGenerator;
import dev.tern.hdl.catalog.ParameterSpec;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

final class ListDesignsCommand implements CliCommand {
    @Override
    public String name() {
        return "list-designs";
    }

    @Override
    public String summary() {
        return "list the designs and their parameters";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Terminal terminal) {
        for (DesignGenerator g : Designs.catalog().all()) {
            terminal.println(g.name() + " — " + g.description());
            int nameWidth = g.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(0);
            int valueWidth = g.parameters().stream().mapToInt(p -> p.defaultValue().length()).max().orElse(0);
            for (ParameterSpec p : g.parameters()) {
                terminal.println(String.format("    %-" + nameWidth + "s  default %-" + valueWidth + "s  %s",
                        p.name(), p.defaultValue(), p.description()));
            }
        }
        return 0;
    }
}
