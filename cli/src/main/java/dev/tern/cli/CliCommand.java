package dev.tern.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One {@code tern} subcommand: its name, options and what it does. Commands wire library calls; no logic of their own. */
interface CliCommand {
    String name();

    /** One line for {@code tern --help}. */
    String summary();

    /** The argument synopsis after the command name, e.g. {@code <design> [--param k=v]... --out DIR}. */
    String synopsis();

    Options options();

    /** Runs the command; returns the exit code. User mistakes are thrown as {@link UsageException} or the libraries' own exceptions. */
    int run(CommandLine line, Terminal terminal) throws Exception;
}
