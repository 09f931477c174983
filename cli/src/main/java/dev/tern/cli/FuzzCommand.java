package dev.tern.cli;

import dev.tern.testbench.VerilogTool;
import dev.tern.testbench.fuzz.FuzzFinding;
import dev.tern.testbench.fuzz.FuzzRegressions;
import dev.tern.testbench.fuzz.Fuzzer;
import dev.tern.testbench.fuzz.Shrinker;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class FuzzCommand implements CliCommand {
    @Override
    public String name() {
        return "fuzz";
    }

    @Override
    public String summary() {
        return "differential fuzzing: random designs on the interpreter, the compiled engine and Verilator";
    }

    @Override
    public String synopsis() {
        return "--seconds N [--seed S] [--batch N] [--cycles N] [--with verilator|icarus] [--save FILE]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("seconds").hasArg().argName("N").desc("keep starting batches for N seconds (required)").build());
        options.addOption(Option.builder("s").longOpt("seed").hasArg().argName("S").desc("seed of the first design (default 1); design k has seed S+k").build());
        options.addOption(Option.builder().longOpt("batch").hasArg().argName("N").desc("designs per Verilog build (default 50)").build());
        options.addOption(Option.builder().longOpt("cycles").hasArg().argName("N").desc("cycles per design (default 200)").build());
        options.addOption(Option.builder("w").longOpt("with").hasArg().argName("TOOL").desc("verilator (default) or icarus").build());
        options.addOption(Option.builder().longOpt("save").hasArg().argName("FILE")
                .desc("where shrunk reproducers are appended (default " + FuzzRegressions.REPOSITORY_PATH
                        + " when run from the repository root)").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws IOException {
        OptionValues.rejectPositionalArguments(line, name());
        int seconds = OptionValues.integer("seconds", OptionValues.required(line, "seconds", "N"), 1);
        long seed = OptionValues.anyLong(line, "seed", 1);
        int batch = OptionValues.integer(line, "batch", 1, 50);
        int cycles = OptionValues.integer(line, "cycles", 1, 200);
        VerilogTool tool;
        try {
            tool = VerilogTool.byLabel(line.getOptionValue("with", "verilator"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--with: " + e.getMessage());
        }
        Path save = saveFile(line);
        Fuzzer fuzzer = new Fuzzer(tool, Path.of("fuzz-mismatches"));
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int designs = 0;
        long cycleCount = 0;
        int mismatches = 0;
        for (long next = seed; System.nanoTime() < deadline; next += batch) {
            Fuzzer.BatchResult result = fuzzer.run(Fuzzer.batch(next, batch, cycles));
            designs += result.designs();
            cycleCount += result.cycles();
            mismatches += result.findings().size();
            terminal.progress("fuzz: seeds " + next + ".." + (next + batch - 1) + ": " + result.findings().size()
                    + " mismatches; " + designs + " designs so far");
            for (FuzzFinding finding : result.findings()) {
                terminal.println("MISMATCH " + finding.describe());
                FuzzFinding small = new Shrinker(fuzzer).shrink(finding, f -> terminal.progress("  shrunk to " + f.spec()));
                terminal.println("  reproducer: " + small.describe());
                if (save != null) {
                    FuzzRegressions.append(save, small);
                    terminal.println("  saved to " + save);
                }
            }
        }
        terminal.endProgress();
        terminal.println("fuzz: " + designs + " designs, " + cycleCount + " cycles, " + mismatches + " mismatches");
        return mismatches > 0 ? Tern.FAILED : Tern.OK;
    }

    private static Path saveFile(CommandLine line) {
        if (line.hasOption("save")) {
            return Path.of(line.getOptionValue("save"));
        }
        Path repository = Path.of(FuzzRegressions.REPOSITORY_PATH);
        return Files.isDirectory(repository.getParent()) ? repository : null;
    }
}
