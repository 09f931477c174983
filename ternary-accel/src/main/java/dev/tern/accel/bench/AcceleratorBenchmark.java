package dev.tern.accel.bench;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryGolden;
import dev.tern.accel.TernaryMatmulDriver;
import dev.tern.accel.WeightEncoding;
import dev.tern.accel.rtl.MinimalWidthAdderTree;
import dev.tern.accel.rtl.TernaryLane;
import dev.tern.accel.rtl.TernaryMatVecCore;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Types;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The accelerator's goals, measured: Yosys {@code synth_xilinx} area per ternary lane with a breakdown
 * by part, and the adder trees' utilisation on a 2560 x 2560 matmul run in the simulator (checked
 * against the golden model). Too slow for the unit tests; run it by hand:
 * {@code java -cp ... dev.tern.accel.bench.AcceleratorBenchmark [lanes rows pipeline]}.
 */
public final class AcceleratorBenchmark {
    private static final int HIDDEN = 2560;

    private AcceleratorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int lanes = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int pipeline = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        PrintStream out = System.out;
        AcceleratorConfig areaConfig = new AcceleratorConfig(lanes, rows, pipeline, WeightEncoding.TWO_BIT, 1024, 64);
        area(areaConfig, out);
        int tiles = (HIDDEN + lanes - 1) / lanes;
        int groups = (HIDDEN + rows - 1) / rows;
        int weightDepth = Integer.highestOneBit(groups * tiles - 1) << 1;
        int activationDepth = Math.max(2, Integer.highestOneBit(tiles - 1) << 1);
        utilisation(new AcceleratorConfig(lanes, rows, pipeline, WeightEncoding.TWO_BIT, weightDepth, activationDepth), out);
    }

    /** LUTs of the whole unit per lane, and of its parts synthesised on their own. */
    static void area(AcceleratorConfig config, PrintStream out) throws IOException {
        Path dir = Files.createTempDirectory("tern-area");
        int lanes = config.lanes();
        int allLanes = lanes * config.rows();
        out.printf("synth_xilinx, lanes=%d rows=%d pipeline=%d%n", lanes, config.rows(), config.pipelineEvery());
        out.printf("%-34s %8s %8s %8s %6s %6s %10s%n", "part", "LUTs", "FFs", "CARRY4", "BRAM", "DSP", "LUTs/lane");
        XilinxSynthesis lane = row(out, "lane select (one lane)", dir, TernaryLane::new, 1);
        out.printf("%-34s %8d %8s %8s %6s %6s %10.2f%n", "  x " + allLanes + " lanes", lane.luts() * allLanes, "", "", "", "",
                (double) lane.luts());
        row(out, "tree with +1 carries (" + lanes + " x Int8)", dir,
                () -> new MinimalWidthAdderTree(lanes, Types.sint(8), config.pipelineEvery()), lanes);
        XilinxSynthesis core = row(out, "datapath (lanes, trees, root, acc)", dir, () -> new TernaryMatVecCore(config), allLanes);
        XilinxSynthesis unit = row(out, "whole unit (+ SRAMs, FSM, FIFO)", dir, () -> new TernaryMatmulUnit(config), allLanes);
        out.printf("%-34s %8d %8d %8s %6s %6s %10.2f%n", "control and memories (unit - datapath)", unit.luts() - core.luts(),
                unit.flipFlops() - core.flipFlops(), "", "", "", (double) (unit.luts() - core.luts()) / allLanes);
        out.printf("whole design: %.2f LUTs per ternary lane, %d DSP%n", (double) unit.luts() / allLanes, unit.dsps());
    }

    private static XilinxSynthesis row(PrintStream out, String part, Path dir, Supplier<? extends Component> component, int lanes)
            throws IOException {
        XilinxSynthesis s = XilinxSynthesis.of(Elaborator.elaborate(component), Files.createTempDirectory(dir, "part"));
        if (!s.run().succeeded()) {
            throw new IllegalStateException("yosys failed on " + part + ": " + s.run().output());
        }
        out.printf("%-34s %8d %8d %8d %6d %6d %10.2f%n", part, s.luts(), s.flipFlops(), s.count("CARRY4"), s.blockRams(), s.dsps(),
                (double) s.luts() / lanes);
        return s;
    }

    /** A 2560 x 2560 matmul in the simulator: the share of edges in which the trees take a tile. */
    static void utilisation(AcceleratorConfig config, PrintStream out) {
        Random random = new Random(2560);
        byte[][] codes = new byte[HIDDEN][HIDDEN];
        for (byte[] row : codes) {
            for (int i = 0; i < HIDDEN; i++) {
                row[i] = (byte) random.nextInt(3);
            }
        }
        byte[] x = new byte[HIDDEN];
        random.nextBytes(x);
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            TernaryMatmulDriver.Run run = driver.run(codes, x);
            boolean exact = Arrays.equals(TernaryGolden.matVec(codes, x, config.lanes()), run.y());
            long tiles = (long) ((HIDDEN + config.rows() - 1) / config.rows()) * ((HIDDEN + config.lanes() - 1) / config.lanes());
            out.printf("%d x %d matmul, lanes=%d rows=%d: %d compute edges (formula %d), %d load edges, tree busy %.3f%% of compute edges,"
                            + " outputs %s the golden model%n", HIDDEN, HIDDEN, config.lanes(), config.rows(), run.computeCycles(),
                    TernaryMatmulUnit.jobCycles(config, (HIDDEN + config.rows() - 1) / config.rows(),
                            (HIDDEN + config.lanes() - 1) / config.lanes()),
                    run.loadCycles(), 100.0 * tiles / run.computeCycles(), exact ? "equal" : "DIFFER FROM");
        }
    }
}
