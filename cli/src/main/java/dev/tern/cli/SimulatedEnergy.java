package dev.tern.cli;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryWeightCode;
import dev.tern.energy.measured.MeasuredActionCounts;
import dev.tern.energy.measured.TreeSwitching;
import dev.tern.bitnet.model.BitLinearObserver;
import dev.tern.bitnet.model.BitNetWeights;
import dev.tern.bitnet.model.ForwardPass;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.TernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.energy.EnergyModelException;
import dev.tern.energy.SwitchingActivity;
import dev.tern.energy.count.MeasuredCounts;
import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.design.WeightEncoding;
import dev.tern.energy.workload.BitLinear;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.energy.workload.ModelShape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What {@code tern energy --from-sim} measures on the accelerator in the simulator: the counts of one
 * matmul of each distinct BitLinear shape of the model, and the adder tree's switching activity on
 * the inputs of the model's first BitLinear (captured from a forward pass) against uniformly random
 * INT8 inputs with the same weights.
 */
record SimulatedEnergy(ArrayConfig array, MeasuredCounts counts, SwitchingActivity activity, String saif) {

    /** Weights over a model's distinct BitLinear shapes that the simulation goes through in seconds. */
    static final long MAX_SIMULATED_WEIGHTS = 1L << 21;
    private static final int PROMPT_TOKENS = 4;
    private static final long RANDOM_SEED = 1;
    private static final String REAL = "real";
    private static final String RANDOM = "random";

    static boolean fits(ModelShape model) {
        return simulatedWeights(model) <= MAX_SIMULATED_WEIGHTS;
    }

    static SimulatedEnergy measure(EnergyCommand.ModelSelection model, ArrayConfig array, WeightEncoding encoding,
            Terminal terminal) {
        ModelShape shape = model.shape();
        if (!fits(shape)) {
            throw new UsageException("--from-sim: model " + shape.name() + " has " + simulatedWeights(shape)
                    + " weights over its distinct BitLinear shapes, more than the " + MAX_SIMULATED_WEIGHTS
                    + " simulated in seconds; use --preset tiny or a smaller --model");
        }
        BitNetWeights weights = model.weights().orElseThrow(() -> new UsageException("--from-sim: model "
                + shape.name() + " is a shape without weights; simulate a BitNet model (--preset tiny, --model FILE)"));
        dev.tern.accel.WeightEncoding unitEncoding = dev.tern.accel.WeightEncoding.valueOf(encoding.name());
        List<MatmulShape> shapes = distinctShapes(shape);
        AcceleratorConfig config = MeasuredActionCounts.configFor(array.lanes(), array.rows(), unitEncoding, shapes);
        terminal.err().println("simulating " + shapes.size() + " BitLinear shapes of " + shape.name() + " on a "
                + config.lanes() + "-lane, " + config.rows() + "-row unit");
        MeasuredCounts counts;
        ArrayConfig unitArray;
        try (MeasuredActionCounts measured = new MeasuredActionCounts(config)) {
            counts = measured.measureShapes(shapes, RANDOM_SEED);
            unitArray = measured.energyArray();
        }
        FirstBitLinear first = FirstBitLinear.capture(weights);
        MatmulShape firstShape = new MatmulShape(first.codes().length, first.codes()[0].length);
        AcceleratorConfig activityConfig = MeasuredActionCounts.configFor(array.lanes(), array.rows(), unitEncoding,
                List.of(firstShape));
        terminal.err().println("measuring switching activity of the adder tree on " + firstShape + " ("
                + first.inputs().size() + " token vectors, real and random)");
        Map<String, List<byte[]>> stimuli = new LinkedHashMap<>();
        stimuli.put(REAL, first.inputs());
        stimuli.put(RANDOM, randomInputs(first.inputs().size(), firstShape.in()));
        Map<String, TreeSwitching.Result> results = TreeSwitching.measure(activityConfig, first.codes(), stimuli);
        TreeSwitching.Result real = results.get(REAL);
        List<SwitchingActivity.Row> rows = new ArrayList<>(real.rows());
        rows.addAll(results.get(RANDOM).rows());
        String design = config.lanes() + " lanes x " + config.rows() + " rows, layer 0's first BitLinear ("
                + firstShape + "), " + first.inputs().size() + " token vectors";
        return new SimulatedEnergy(unitArray, counts, new SwitchingActivity(design, rows), real.saif());
    }

    /** Writes the toggle counts of the real activations. */
    void writeSaif(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, saif, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new EnergyModelException(path + ": cannot write SAIF: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static List<MatmulShape> distinctShapes(ModelShape model) {
        Set<MatmulShape> shapes = new LinkedHashSet<>();
        for (BitLinear projection : model.bitLinearsPerLayer()) {
            shapes.add(projection.shape());
        }
        return List.copyOf(shapes);
    }

    private static long simulatedWeights(ModelShape model) {
        return distinctShapes(model).stream().mapToLong(MatmulShape::weights).sum();
    }

    private static List<byte[]> randomInputs(int vectors, int in) {
        Random random = new Random(RANDOM_SEED);
        List<byte[]> inputs = new ArrayList<>();
        for (int v = 0; v < vectors; v++) {
            byte[] x = new byte[in];
            random.nextBytes(x);
            inputs.add(x);
        }
        return inputs;
    }

    /** The weights and quantised inputs of the first BitLinear a forward pass over a short prompt runs. */
    private record FirstBitLinear(byte[][] codes, List<byte[]> inputs) {

        static FirstBitLinear capture(BitNetWeights weights) {
            Capturing matmul = new Capturing();
            try (WorkerPool pool = WorkerPool.singleThreaded()) {
                ForwardPass pass = new ForwardPass(weights, matmul, pool, BitLinearObserver.NONE);
                int[] prompt = new int[PROMPT_TOKENS];
                for (int t = 0; t < prompt.length; t++) {
                    prompt[t] = (t + 1) % weights.config().vocab();
                }
                pass.forward(pass.newCache(PROMPT_TOKENS), prompt, ForwardPass.Logits.LAST);
            }
            if (matmul.codes == null) {
                throw new IllegalStateException("a forward pass ran no BitLinear");
            }
            return new FirstBitLinear(matmul.codes, matmul.inputs);
        }
    }

    /** Multiplies like the reference and keeps the operands of its first call. */
    private static final class Capturing implements TernaryMatmul {
        private final TernaryMatmul reference = ReferenceTernaryMatmul.singleThreaded();
        private byte[][] codes;
        private List<byte[]> inputs;

        @Override
        public void multiply(PackedTernaryMatrix w, byte[][] xq, int[][] out) {
            if (codes == null) {
                codes = new byte[w.rows()][w.cols()];
                for (int r = 0; r < w.rows(); r++) {
                    for (int c = 0; c < w.cols(); c++) {
                        codes[r][c] = (byte) TernaryWeightCode.encode(w.trit(r, c));
                    }
                }
                inputs = new ArrayList<>();
                for (byte[] x : xq) {
                    inputs.add(x.clone());
                }
            }
            reference.multiply(w, xq, out);
        }
    }
}
