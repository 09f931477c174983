package dev.tern.cli;

import java.util.List;

/** The subcommands, in the order `tern --help` lists them. */
final class Commands {
    private Commands() {
    }

    static List<CliCommand> all() {
        return List.of(
                new DemoCommand(),
                new ListDesignsCommand(),
                new GenerateCommand(),
                new SimulateCommand(),
                new CosimCommand(),
                new FuzzCommand(),
                new BenchSimCommand(),
                new BenchAccelCommand(),
                new EnergyCommand(),
                new MakeModelCommand(),
                new InferCommand(),
                new BenchInferCommand(),
                new SynthCommand(),
                new SweepCommand());
    }
}
