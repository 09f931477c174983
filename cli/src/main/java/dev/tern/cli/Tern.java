package dev.tern.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** The {@code tern} command: dispatches to a subcommand and turns user mistakes into one-line errors. */
public final class Tern {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final List<CliCommand> commands;
    private final Terminal terminal;

    Tern(List<CliCommand> commands, Terminal terminal) {
        this.commands = commands;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(new Tern(Commands.all(), Terminal.system()).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            if (args.length > 1 && find(args[1]) != null) {
                commandHelp(find(args[1]));
            } else {
                globalHelp();
            }
            return args.length == 0 ? USAGE : OK;
        }
        CliCommand command = find(args[0]);
        if (command == null) {
            terminal.err().println("tern: unknown command '" + args[0] + "'; commands: " + String.join(", ", names()));
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            commandHelp(command);
            return OK;
        }
        try {
            CommandLine line = new DefaultParser().parse(command.options(), rest);
            return command.run(line, terminal);
        } catch (ParseException e) {
            return fail(USAGE, command.name() + ": " + e.getMessage() + " (see `tern " + command.name() + " --help`)");
        } catch (Exception e) {
            Integer code = UserErrors.exitCode(e);
            if (code == null) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            return fail(code, UserErrors.message(e));
        }
    }

    private int fail(int code, String message) {
        terminal.endProgress();
        terminal.err().println("tern: " + message);
        return code;
    }

    private CliCommand find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private List<String> names() {
        return commands.stream().map(CliCommand::name).toList();
    }

    private void globalHelp() {
        terminal.println("tern — design ternary (BitNet b1.58) LLM accelerators in Java");
        terminal.println("");
        terminal.println("usage: tern <command> [options]     (tern <command> --help for its options)");
        terminal.println("");
        terminal.println("commands:");
        for (CliCommand c : commands) {
            terminal.println(String.format("  %-14s %s", c.name(), c.summary()));
        }
    }

    private void commandHelp(CliCommand command) {
        Options options = command.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        PrintWriter writer = new PrintWriter(terminal.out(), true);
        new HelpFormatter().printHelp(writer, 100, "tern " + command.name() + " " + command.synopsis(),
                command.summary() + "\n\noptions:", options, 2, 2, null, false);
        writer.println();
        writer.flush();
    }
}
