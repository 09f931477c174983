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
            for (ParameterSpec p : g.parameters()) {
                terminal.println(String.format("    %-12s default %-8s %s", p.name(), p.defaultValue(), p.description()));
            }
        }
        return 0;
    }
}
