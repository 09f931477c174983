package dev.tern.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.accel.AcceleratorConfig;
import dev.tern.bitnet.backend.AcceleratorMatmul;
import dev.tern.bitnet.bench.BenchmarkResult;
import dev.tern.bitnet.bench.InferenceBenchmark;
import dev.tern.bitnet.bench.SpeedGoal;
import dev.tern.bitnet.infer.GenerationListener;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.BitNetModelLoader;
import dev.tern.bitnet.model.ModelFileFormat;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
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

final class BenchInferCommand implements CliCommand {
    /** Where synthetic benchmark models are written once and reused, unless --models says otherwise. */
    private static final Path DEFAULT_MODELS = Path.of("out", "models");
    private static final ModelFileFormat MODEL_FORMAT = ModelFileFormat.GGUF_TQ2_0;
    private static final long MODEL_SEED = 0;
    private static final int PROMPT_TOKENS = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SpeedGoal> GOALS = List.of(SpeedGoal.REFERENCE_2B_SHAPE, SpeedGoal.RTL_2B_SHAPE);
    /** The accelerator a hardware backend is measured on unless --lanes and --rows say otherwise: the goal's. */
    private static final int DEFAULT_LANES = SpeedGoal.RTL_2B_SHAPE.lanes();
    private static final int DEFAULT_ROWS = 1;

    /** One backend's measurement; {@code lanes} and the cycles are 0 for a backend without an accelerator. */
    private record Row(BenchmarkResult result, int lanes, int rows, long cyclesPerToken, double cyclesPerSecond) {
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
        return "[--preset 2b-shape|small|tiny] [--backend reference,rtl,verilator] [--threads N] [--tokens N]"
                + " [--hardware-tokens N] [--lanes N --rows N --pipeline K] [--json FILE] [--models DIR]";
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
        options.addOption(Option.builder().longOpt("backend").hasArg().argName("LIST")
                .desc("backends to measure, comma-separated: reference (default), rtl, verilator").build());
        options.addOption(Option.builder().longOpt("hardware-tokens").hasArg().argName("N")
                .desc("decode steps a hardware backend is timed on (default 1), after a 1-token prefill and no warm-up:"
                        + " a 2b-shape token takes about a minute in simulation").build());
        AcceleratorOptions.addShapeTo(options, DEFAULT_LANES, DEFAULT_ROWS);
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
        int hardwareTokens = OptionValues.integer(line, "hardware-tokens", 1, 1);
        List<InferenceBackend> backends = backends(line.getOptionValue("backend", "reference"));
        AcceleratorConfig accelerator = AcceleratorOptions.config(line, config, DEFAULT_LANES, DEFAULT_ROWS);
        if (backends.stream().anyMatch(InferenceBackend::isHardware)) {
            AcceleratorMatmul.checkFits(config, accelerator);
        }
        Path json = line.hasOption("json") ? Path.of(line.getOptionValue("json")) : null;

        Path models = Path.of(line.getOptionValue("models", DEFAULT_MODELS.toString()));
        Path modelPath = syntheticModel(models, preset, config, terminal);
        BitNetModel model = BitNetModelLoader.load(modelPath);
        List<Row> rows = new ArrayList<>();
        try (WorkerPool pool = new WorkerPool(threads)) {
            for (InferenceBackend backend : backends) {
                rows.add(backend.isHardware() ? hardwareRow(backend, model, accelerator, hardwareTokens, pool, terminal)
                        : referenceRow(model, tokens, pool, terminal));
            }
        }
        List<BenchmarkResult> results = rows.stream().map(Row::result).toList();

        terminal.println("model " + modelPath + " (synthetic " + preset + ", " + MODEL_FORMAT.formatName() + ")");
        terminal.println(String.format(Locale.ROOT, "%-10s %7s %14s %13s %18s %10s %9s", "backend", "threads",
                "prefill tok/s", "decode tok/s", "decode CPU s/tok", "peak heap", "max heap"));
        for (BenchmarkResult r : results) {
            String cpu = r.decodeCpuNanos() < 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.3f", r.decodeCpuSecondsPerToken());
            terminal.println(String.format(Locale.ROOT, "%-10s %7d %14s %13s %18s %7.0f MB %6.0f MB", r.backend(),
                    r.threads(), GenerationPrinter.rate(r.prefillTokensPerSecond()), GenerationPrinter.rate(r.decodeTokensPerSecond()),
                    cpu, r.peakHeapBytes() / 1e6, r.maxHeapBytes() / 1e6));
        }
        for (Row row : rows) {
            if (row.lanes() > 0) {
                terminal.println(String.format(Locale.ROOT, "%s: %d lanes x %d rows, %,d simulated cycles per token,"
                                + " %,.0f cycles/s, %.1f s per decode token", row.result().backend(), row.lanes(), row.rows(),
                        row.cyclesPerToken(), row.cyclesPerSecond(), 1 / row.result().decodeTokensPerSecond()));
            }
        }
        // Wall-clock speed falls when other programs share the processors; the CPU time per token does not.
        terminal.println("available processors: " + Runtime.getRuntime().availableProcessors());
        for (SpeedGoal goal : GOALS) {
            terminal.println("goal (" + goal.describe() + "): " + verdict(goal, preset, rows));
        }
        if (json != null) {
            OutputFiles.write(json, () -> {
                Files.write(json, JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(report(preset, modelPath, tokens, rows)));
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

    private static Row referenceRow(BitNetModel model, int tokens, WorkerPool pool, Terminal terminal) {
        terminal.err().println("running reference: " + PROMPT_TOKENS + "-token prefill, " + tokens + " decode steps, "
                + pool.threads() + " thread" + (pool.threads() == 1 ? "" : "s"));
        BenchmarkResult result = new InferenceBenchmark(model, PROMPT_TOKENS, tokens)
                .run(InferenceBackend.REFERENCE.cliName(), new ReferenceTernaryMatmul(pool), pool);
        return new Row(result, 0, 0, 0, 0);
    }

    /** A hardware backend on a 1-token prompt and {@code tokens} decode steps, without warm-up. */
    private static Row hardwareRow(InferenceBackend backend, BitNetModel model, AcceleratorConfig config, int tokens,
                                   WorkerPool pool, Terminal terminal) {
        terminal.err().println(String.format(Locale.ROOT, "running %s: 1-token prefill, %d decode step%s on %d lanes x %d rows;"
                        + " building the accelerator's simulation…", backend.cliName(), tokens, tokens == 1 ? "" : "s",
                config.lanes(), config.rows()));
        try (AcceleratorMatmul accelerator = AcceleratorMatmul.forModel(model.config(), config, backend.simulate(config));
             SimulationProgress progress = new SimulationProgress(accelerator, GenerationListener.NONE, terminal)) {
            BenchmarkResult result = new InferenceBenchmark(model, 1, tokens, false).run(backend.cliName(), accelerator, pool);
            long passes = 1 + tokens;
            double seconds = (result.prefillNanos() + result.decodeNanos()) / 1e9;
            return new Row(result, config.lanes(), config.rows(), accelerator.totalCycles() / passes,
                    accelerator.totalCycles() / seconds);
        }
    }

    private static List<InferenceBackend> backends(String list) {
        List<InferenceBackend> backends = new ArrayList<>();
        for (String name : list.split(",")) {
            InferenceBackend backend = InferenceBackend.parse(name.strip());
            if (backends.contains(backend)) {
                throw new UsageException("--backend names " + backend.cliName() + " twice");
            }
            backends.add(backend);
        }
        return backends;
    }

    private static String verdict(SpeedGoal goal, String preset, List<Row> rows) {
        Row applicable = rows.stream().filter(r -> goal.appliesTo(preset, r.result(), r.lanes())).findFirst().orElse(null);
        if (applicable == null) {
            return "not measured by this run";
        }
        return goal.isMetBy(applicable.result()) ? "met" : "not met";
    }

    private static ObjectNode report(String preset, Path modelPath, int tokens, List<Row> rows) {
        ObjectNode root = JSON.createObjectNode();
        root.put("preset", preset);
        root.put("model", modelPath.toString());
        root.put("format", MODEL_FORMAT.formatName());
        root.put("promptTokens", PROMPT_TOKENS);
        root.put("decodeSteps", tokens);
        root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        ArrayNode results = root.putArray("results");
        for (Row row : rows) {
            BenchmarkResult r = row.result();
            ObjectNode json = results.addObject().setAll((ObjectNode) JSON.valueToTree(r));
            json.put("prefillTokensPerSecond", r.prefillTokensPerSecond());
            json.put("decodeTokensPerSecond", r.decodeTokensPerSecond());
            json.put("decodeCpuSecondsPerToken", r.decodeCpuSecondsPerToken());
            if (row.lanes() > 0) {
                json.put("lanes", row.lanes());
                json.put("rows", row.rows());
                json.put("simulatedCyclesPerToken", row.cyclesPerToken());
                json.put("simulatedCyclesPerSecond", row.cyclesPerSecond());
            }
        }
        ArrayNode goals = root.putArray("goals");
        for (SpeedGoal goal : GOALS) {
            ObjectNode g = goals.addObject().setAll((ObjectNode) JSON.valueToTree(goal));
            g.put("goal", goal.describe());
            g.put("verdict", verdict(goal, preset, rows));
        }
        return root;
    }
}
