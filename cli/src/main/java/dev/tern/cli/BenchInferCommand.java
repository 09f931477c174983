package dev.tern.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.bitnet.bench.BenchmarkResult;
import dev.tern.bitnet.bench.InferenceBenchmark;
import dev.tern.bitnet.bench.SpeedGoal;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.BitNetModelLoader;
import dev.tern.bitnet.model.ModelFileFormat;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.TernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import dev.tern.bitnet.synth.SyntheticModel;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

final class BenchInferCommand implements CliCommand {
    /** Where synthetic benchmark models are written once and reused, unless --models says otherwise. */
    private static final Path DEFAULT_MODELS = Path.of("out", "models");
    private static final ModelFileFormat MODEL_FORMAT = ModelFileFormat.GGUF_TQ2_0;
    private static final long MODEL_SEED = 0;
    private static final int PROMPT_TOKENS = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SpeedGoal> GOALS = List.of(SpeedGoal.REFERENCE_2B_SHAPE);
    /** The backends measured, one result row each, in this order. */
    private static final List<Row> ROWS = List.of(new Row(InferenceBackend.REFERENCE, ReferenceTernaryMatmul::new));

    /** A backend of the benchmark and how its matmul is made on the run's worker pool. */
    private record Row(InferenceBackend backend, Function<WorkerPool, TernaryMatmul> matmul) {
    }

    @Override
    public String name() {
        return "bench-infer";
    }

    @Override
    public String summary() {
        return "measure prefill and decode speed and peak heap of inference backends on a synthetic model";
    }

    @Override
    public String synopsis() {
        return "[--preset 2b-shape|small|tiny] [--threads N] [--tokens N] [--json FILE] [--models DIR]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("preset").hasArg().argName("NAME")
                .desc("model shape: 2b-shape (default), small or tiny; its synthetic model is written on first use"
                        + " and reused").build());
        options.addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                .desc("worker threads (default 2)").build());
        options.addOption(Option.builder().longOpt("tokens").hasArg().argName("N")
                .desc("decode steps to time (default 32), after a " + PROMPT_TOKENS + "-token prefill").build());
        options.addOption(Option.builder().longOpt("json").hasArg().argName("FILE")
                .desc("also write the results as JSON").build());
        options.addOption(Option.builder().longOpt("models").hasArg().argName("DIR")
                .desc("where synthetic models are kept (default " + DEFAULT_MODELS + ")").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws IOException {
        OptionValues.rejectPositionalArguments(line, name());
        String preset = line.getOptionValue("preset", "2b-shape").toLowerCase(Locale.ROOT);
        BitNetConfig config = ModelPresets.bitnet(preset);
        int threads = OptionValues.integer(line, "threads", 1, 2);
        int tokens = OptionValues.integer(line, "tokens", 1, 32);
        Path json = line.hasOption("json") ? Path.of(line.getOptionValue("json")) : null;

        Path models = Path.of(line.getOptionValue("models", DEFAULT_MODELS.toString()));
        Path modelPath = syntheticModel(models, preset, config, terminal);
        BitNetModel model = BitNetModelLoader.load(modelPath);
        InferenceBenchmark benchmark = new InferenceBenchmark(model, PROMPT_TOKENS, tokens);
        List<BenchmarkResult> results = new ArrayList<>();
        try (WorkerPool pool = new WorkerPool(threads)) {
            for (Row row : ROWS) {
                String backend = row.backend().cliName();
                terminal.err().println("running " + backend + ": " + PROMPT_TOKENS + "-token prefill, " + tokens
                        + " decode steps, " + threads + " thread" + (threads == 1 ? "" : "s"));
                results.add(benchmark.run(backend, row.matmul().apply(pool), pool));
            }
        }

        terminal.println("model " + modelPath + " (synthetic " + preset + ", " + MODEL_FORMAT.formatName() + ")");
        terminal.println(String.format(Locale.ROOT, "%-10s %7s %14s %13s %18s %10s %9s", "backend", "threads",
                "prefill tok/s", "decode tok/s", "decode CPU s/tok", "peak heap", "max heap"));
        for (BenchmarkResult r : results) {
            String cpu = r.decodeCpuNanos() < 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.3f", r.decodeCpuSecondsPerToken());
            terminal.println(String.format(Locale.ROOT, "%-10s %7d %14.2f %13.2f %18s %7.0f MB %6.0f MB", r.backend(),
                    r.threads(), r.prefillTokensPerSecond(), r.decodeTokensPerSecond(), cpu, r.peakHeapBytes() / 1e6,
                    r.maxHeapBytes() / 1e6));
        }
        // Wall-clock speed falls when other programs share the processors; the CPU time per token does not.
        terminal.println("available processors: " + Runtime.getRuntime().availableProcessors());
        for (SpeedGoal goal : GOALS) {
            terminal.println("goal (" + goal.describe() + "): " + verdict(goal, preset, results));
        }
        if (json != null) {
            OutputFiles.write(json, () -> {
                Files.write(json, JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(report(preset, modelPath, tokens, results)));
                return json;
            });
            terminal.err().println("wrote " + json);
        }
        return Tern.OK;
    }

    /** The preset's synthetic model file, written first when it is not there yet. */
    private static Path syntheticModel(Path models, String preset, BitNetConfig config, Terminal terminal) {
        Path path = models.resolve("synthetic-" + preset + "-s" + MODEL_SEED + "-" + MODEL_FORMAT.formatName() + ".gguf");
        if (Files.isRegularFile(path)) {
            terminal.err().println("reusing " + path);
            return path;
        }
        terminal.err().println("writing synthetic " + preset + " to " + path + " (once; later runs reuse it)");
        return OutputFiles.write(path, () -> {
            Files.createDirectories(models);
            // Written beside and moved into place, so an interrupted run never leaves a partial model to reuse.
            Path partial = Files.createTempFile(models, path.getFileName().toString(), ".partial");
            try {
                SyntheticModel.create(config, MODEL_SEED).write(MODEL_FORMAT, partial);
                return Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        });
    }

    private static String verdict(SpeedGoal goal, String preset, List<BenchmarkResult> results) {
        BenchmarkResult applicable = results.stream().filter(r -> goal.appliesTo(preset, r)).findFirst().orElse(null);
        if (applicable == null) {
            return "not measured by this run";
        }
        return goal.isMetBy(applicable) ? "met" : "not met";
    }

    private static ObjectNode report(String preset, Path modelPath, int tokens, List<BenchmarkResult> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("preset", preset);
        root.put("model", modelPath.toString());
        root.put("format", MODEL_FORMAT.formatName());
        root.put("promptTokens", PROMPT_TOKENS);
        root.put("decodeSteps", tokens);
        root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        ArrayNode rows = root.putArray("results");
        for (BenchmarkResult r : results) {
            ObjectNode row = rows.addObject().setAll((ObjectNode) JSON.valueToTree(r));
            row.put("prefillTokensPerSecond", r.prefillTokensPerSecond());
            row.put("decodeTokensPerSecond", r.decodeTokensPerSecond());
            row.put("decodeCpuSecondsPerToken", r.decodeCpuSecondsPerToken());
        }
        ArrayNode goals = root.putArray("goals");
        for (SpeedGoal goal : GOALS) {
            ObjectNode g = goals.addObject().setAll((ObjectNode) JSON.valueToTree(goal));
            g.put("goal", goal.describe());
            g.put("verdict", verdict(goal, preset, results));
        }
        return root;
    }
}
