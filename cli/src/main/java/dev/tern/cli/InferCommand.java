package dev.tern.cli;

import dev.tern.bitnet.infer.GenerationOptions;
import dev.tern.bitnet.infer.Generator;
import dev.tern.bitnet.infer.SamplingOptions;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.BitNetModelLoader;
import dev.tern.bitnet.infer.Generation;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

final class InferCommand implements CliCommand {
    private static final List<String> SAMPLING_OPTIONS = List.of("seed", "top-k", "top-p");

    @Override
    public String name() {
        return "infer";
    }

    @Override
    public String summary() {
        return "generate text with a BitNet model, streaming it as it comes";
    }

    @Override
    public String synopsis() {
        return "--model PATH --prompt TEXT --tokens N [--backend reference|rtl|verilator] [--verify] [--seed S]"
                + " [--temperature T --top-k K --top-p P] [--threads N] [--lanes N --rows N --pipeline K] [--clock-mhz F]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("model").hasArg().argName("PATH")
                .desc("a GGUF file or a Hugging Face safetensors checkpoint directory (required)").build());
        options.addOption(Option.builder().longOpt("prompt").hasArg().argName("TEXT").desc("the prompt (required)").build());
        options.addOption(Option.builder().longOpt("tokens").hasArg().argName("N")
                .desc("tokens to generate at most (required)").build());
        options.addOption(Option.builder().longOpt("backend").hasArg().argName("NAME")
                .desc("what computes the ternary matmuls: reference (default, exact Java), rtl (the accelerator's RTL "
                        + "in the compiled cycle-accurate Java simulator), verilator (its Verilog in Verilator; slower, for small models)")
                .build());
        options.addOption(Option.builder().longOpt("verify")
                .desc("with a hardware backend: also run the reference and compare every BitLinear output bit for bit").build());
        AcceleratorOptions.addTo(options);
        options.addOption(Option.builder().longOpt("temperature").hasArg().argName("T")
                .desc("sample at this temperature; 0 (default) picks the most likely token").build());
        options.addOption(Option.builder().longOpt("top-k").hasArg().argName("K")
                .desc("sample among the K most likely tokens (default 0: all)").build());
        options.addOption(Option.builder().longOpt("top-p").hasArg().argName("P")
                .desc("sample among the most likely tokens whose probability reaches P (default 1: all)").build());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                .desc("seed of the sampler; the same seed gives the same text (default 0)").build());
        options.addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                .desc("worker threads (default: one per processor)").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws IOException {
        OptionValues.rejectPositionalArguments(line, name());
        Path modelPath = Path.of(OptionValues.required(line, "model", "PATH"));
        String prompt = OptionValues.required(line, "prompt", "TEXT");
        int tokens = OptionValues.integer("tokens", OptionValues.required(line, "tokens", "N"), 1);
        InferenceBackend backend = InferenceBackend.parse(line.getOptionValue("backend", "reference"));
        GenerationOptions generation = GenerationOptions.greedy(tokens).withSampling(sampling(line));
        int threads = OptionValues.integer(line, "threads", 1, Runtime.getRuntime().availableProcessors());

        boolean verify = line.hasOption("verify");
        if (verify && !backend.isHardware()) {
            throw new UsageException("--verify compares a hardware backend with the reference; add --backend rtl or verilator");
        }
        try (WorkerPool pool = new WorkerPool(threads)) {
            terminal.err().println("loading " + modelPath);
            long start = System.nanoTime();
            BitNetModel model = BitNetModelLoader.load(modelPath);
            terminal.err().println(String.format(Locale.ROOT, "loaded %s: %s in %.2f s; backend %s, %d thread%s",
                    model.source(), describe(model.config()), (System.nanoTime() - start) / 1e9, backend.cliName(),
                    threads, threads == 1 ? "" : "s"));
            ReferenceTernaryMatmul reference = new ReferenceTernaryMatmul(pool);
            if (!backend.isHardware()) {
                new Generator(model, reference, pool).generate(prompt, generation, new GenerationPrinter(terminal));
                return Tern.OK;
            }
            HardwareRun run = HardwareRun.start(model, reference, pool, backend, AcceleratorOptions.config(line, model.config()), verify, terminal);
            try (run) {
                Generation result = run.generate(prompt, generation);
                return run.printSummary(result, AcceleratorOptions.clockMhz(line));
            }
        }
    }

    private static SamplingOptions sampling(CommandLine line) {
        double temperature = OptionValues.number(line, "temperature", 0);
        if (temperature == 0) {
            for (String option : SAMPLING_OPTIONS) {
                if (line.hasOption(option)) {
                    throw new UsageException("--" + option + " applies when sampling; give --temperature above 0"
                            + " (without it the most likely token is taken)");
                }
            }
            return SamplingOptions.greedy();
        }
        return new SamplingOptions(temperature, OptionValues.integer(line, "top-k", 0, 0),
                OptionValues.number(line, "top-p", 1), OptionValues.anyLong(line, "seed", 0));
    }

    private static String describe(BitNetConfig config) {
        return config.layers() + " layers, hidden " + config.hidden() + ", vocab " + config.vocab() + ", context "
                + config.context();
    }
}
