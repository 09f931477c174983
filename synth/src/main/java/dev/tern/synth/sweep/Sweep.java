package dev.tern.synth.sweep;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.ChunkedMatVec;
import dev.tern.accel.TernaryMatmulDriver;
import dev.tern.accel.TernaryMatmulGenerator;
import dev.tern.energy.DesignEnergy;
import dev.tern.energy.EnergyAnalysis;
import dev.tern.energy.EnergyOptions;
import dev.tern.energy.ModelEnergy;
import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.design.WeightEncoding;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.energy.workload.ModelShape;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.catalog.DesignGenerator;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.catalog.ParameterSpec;
import dev.tern.hdl.ir.Design;
import dev.tern.synth.ResourceCounts;
import dev.tern.synth.SynthException;
import dev.tern.synth.SynthOptions;
import dev.tern.synth.Synthesizer;
import dev.tern.synth.YosysSynthesis;
import dev.tern.verilog.VerilogEmitter;
import dev.tern.verilog.tools.ToolMissingException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates every configuration of a {@link SweepGrid} in parallel: area from Yosys (cached by a hash
 * of the Verilog), and for {@code ternary-matmul} with a model, cycles (from the cycle model, which each
 * configuration's simulated unit must match on a sample), tokens/s and energy per token.
 * A configuration that fails is reported and the others go on.
 */
public final class Sweep {
    private final DesignCatalog catalog;

    public Sweep(DesignCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @throws dev.tern.hdl.catalog.ParameterException for an unknown design
     * @throws ToolMissingException when Yosys is not installed (every configuration would fail the same way)
     */
    public List<SweepPoint> run(SweepRequest request, SweepProgress progress) throws IOException, InterruptedException {
        DesignGenerator generator = catalog.find(request.design());
        String yosysVersion = YosysSynthesis.version();
        AreaCache cache = new AreaCache(request.cacheDir());
        List<List<String>> configurations = request.grid().assignments();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(request.jobs());
        try {
            List<Future<SweepPoint>> futures = new ArrayList<>();
            for (List<String> assignments : configurations) {
                futures.add(pool.submit(() -> {
                    SweepPoint point = evaluate(generator, assignments, request, cache, yosysVersion);
                    progress.finished(point, done.incrementAndGet(), configurations.size());
                    return point;
                }));
            }
            List<SweepPoint> points = new ArrayList<>();
            for (Future<SweepPoint> future : futures) {
                try {
                    points.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a sweep worker failed outside its configuration's evaluation", e.getCause());
                }
            }
            return points;
        } finally {
            pool.shutdownNow();
        }
    }

    private SweepPoint evaluate(DesignGenerator generator, List<String> assignments, SweepRequest request, AreaCache cache,
                                String yosysVersion) {
        try {
            DesignParameters parameters = parameters(generator, assignments, request);
            Optional<Performance> performance = Optional.empty();
            int ternaryLanes = 0;
            if (isTernaryMatmul(generator)) {
                AcceleratorConfig config = TernaryMatmulGenerator.config(parameters);
                ternaryLanes = config.lanes() * config.rows();
                if (request.energy().isPresent()) {
                    performance = Optional.of(performance(config, request.energy().get(), request.roofline()));
                }
            }
            Area area = area(generator, parameters, request, cache, yosysVersion, directoryName(assignments));
            Map<String, ResourceCounts> baselines = new LinkedHashMap<>();
            for (String baseline : request.baselines()) {
                DesignGenerator baselineGenerator = catalog.find(baseline);
                DesignParameters equalThroughput = DesignParameters.parse(baselineGenerator,
                        List.of("lanes=" + parameters.get("lanes"), "rows=" + parameters.get("rows")));
                baselines.put(baseline, area(baselineGenerator, equalThroughput, request, cache, yosysVersion,
                        directoryName(assignments) + "_" + baseline).counts());
            }
            return new SweepPoint(assignments, parameters.asMap(), Optional.of(area.counts()), area.cached(), performance,
                    Optional.empty(), ternaryLanes, baselines);
        } catch (ToolMissingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SweepPoint.failed(assignments, message.lines().findFirst().orElse(message));
        }
    }

    /** Cells of a design, and whether they came from the cache. */
    private record Area(ResourceCounts counts, boolean cached) {
    }

    /** Synthesises the design of {@code parameters}, or takes its cells from the cache (keyed by its Verilog). */
    private static Area area(DesignGenerator generator, DesignParameters parameters, SweepRequest request, AreaCache cache,
                             String yosysVersion, String workName) throws IOException {
        Design design = Elaborator.elaborate(() -> generator.create(parameters));
        Map<String, String> verilog = VerilogEmitter.withoutSourceLocations().files(design, VerilogEmitter.Layout.FILE_PER_MODULE);
        String key = AreaCache.key(verilog, request.target(), yosysVersion);
        Optional<ResourceCounts> cached = cache.find(key, request.target());
        if (cached.isPresent()) {
            return new Area(cached.get(), true);
        }
        ResourceCounts area = Synthesizer.run(design, SynthOptions.of(request.target()), request.workDir().resolve(workName))
                .area().total();
        cache.store(key, area);
        return new Area(area, false);
    }

    private static boolean isTernaryMatmul(DesignGenerator generator) {
        return generator.name().equals(AcceleratorConfig.DESIGN);
    }

    /**
     * The user's values over the defaults; for {@code ternary-matmul} with a model, SRAM depths the
     * user left open are sized to hold the model's widest input vector.
     */
    static DesignParameters parameters(DesignGenerator generator, List<String> assignments, SweepRequest request) {
        DesignParameters given = DesignParameters.parse(generator, assignments);
        if (!isTernaryMatmul(generator) || request.energy().isEmpty()) {
            return given;
        }
        ModelShape model = request.energy().get().models().get(0);
        int lanes = given.getInt("lanes");
        List<String> sized = new ArrayList<>(assignments);
        addUnlessGiven(sized, "activation-depth", TernaryMatmulCycles.depthFor(model, lanes, AcceleratorConfig.MIN_DEPTH));
        addUnlessGiven(sized, "weight-depth", TernaryMatmulCycles.depthFor(model, lanes, defaultInt(generator, "weight-depth")));
        return DesignParameters.parse(generator, sized);
    }

    private static void addUnlessGiven(List<String> assignments, String name, int value) {
        if (assignments.stream().noneMatch(a -> a.startsWith(name + "="))) {
            assignments.add(name + "=" + value);
        }
    }

    private static int defaultInt(DesignGenerator generator, String name) {
        return generator.parameters().stream().filter(p -> p.name().equals(name)).map(ParameterSpec::defaultValue)
                .mapToInt(Integer::parseInt).findFirst().orElseThrow();
    }

    static Performance performance(AcceleratorConfig config, EnergyOptions energy, Roofline roofline) {
        ModelShape model = energy.models().get(0);
        TernaryMatmulCycles cycles = new TernaryMatmulCycles(config);
        long cyclesPerToken = cycles.cyclesPerToken(model);
        long bytesPerToken = cycles.weightBytesPerToken(model);
        ArrayConfig array = new ArrayConfig(config.lanes(), config.rows(), energy.array().weightSramBytes(),
                energy.array().activationSramBytes(), energy.array().outputSramBytes());
        WeightEncoding encoding = config.encoding() == dev.tern.accel.WeightEncoding.BASE3 ? WeightEncoding.BASE3 : WeightEncoding.TWO_BIT;
        EnergyOptions options = EnergyOptions.builder(List.of(model)).tech(energy.tech()).dramType(energy.dramType())
                .array(array).encoding(encoding).baselines(energy.baselines()).context(energy.context())
                .includePaperModels(false).lanesSweep(List.of(config.lanes())).build();
        ModelEnergy result = EnergyAnalysis.run(options).primary();
        Map<String, Double> baselines = new LinkedHashMap<>();
        for (DesignEnergy baseline : result.baselines()) {
            baselines.put(baseline.id(), baseline.perToken().total() * 1e-12);
        }
        return new Performance(cyclesPerToken, bytesPerToken, roofline.tokensPerSecond(cyclesPerToken, bytesPerToken),
                roofline.bound(cyclesPerToken, bytesPerToken), result.ternary().perToken().total() * 1e-12, baselines,
                checkCycleModel(config, model));
    }

    /**
     * Holds the cycle model to the simulated unit on a sample: the model's first projection, cut to two jobs (the
     * second partial) so that the sample stays short whatever the shape.
     *
     * @return the sample's shape, e.g. {@code 9 x 2560}
     * @throws SynthException when the simulated unit took other cycles than the model counts
     */
    static String checkCycleModel(AcceleratorConfig config, ModelShape model) {
        MatmulShape shape = model.bitLinearsPerLayer().get(0).shape();
        int in = shape.in();
        int out = (int) Math.min(shape.out(), ChunkedMatVec.rowsPerJob(config, in) + config.rows() + 1);
        long counted = new TernaryMatmulCycles(config).cycles(new MatmulShape(out, in));
        long simulated;
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            simulated = ChunkedMatVec.simulatedCycles(driver, config, out, in, 1, (long) out * 31 + in);
        }
        if (simulated != counted) {
            throw new SynthException("the cycle model counts " + counted + " edges for a " + out + " x " + in
                    + " sample and the simulated unit took " + simulated);
        }
        return out + " x " + in;
    }

    private static String directoryName(List<String> assignments) {
        String name = String.join("_", assignments).replaceAll("[^A-Za-z0-9=._-]", "-");
        return name.isEmpty() ? "defaults" : name;
    }
}
