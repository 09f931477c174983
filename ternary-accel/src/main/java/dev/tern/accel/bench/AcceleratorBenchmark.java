package dev.tern.accel.bench;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.AcceleratorConfigException;
import dev.tern.accel.TernaryGolden;
import dev.tern.accel.TernaryMatmulDriver;
import dev.tern.accel.WeightEncoding;
import dev.tern.accel.rtl.PlusMinusAdder;
import dev.tern.accel.rtl.PlusMinusAdderTree;
import dev.tern.accel.rtl.TernaryDotProduct;
import dev.tern.accel.rtl.TernaryLane;
import dev.tern.accel.rtl.TernaryMatVecCore;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Component;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.Types;
import dev.tern.hdl.catalog.Fifo;

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
 * against the golden model). Too slow for the unit tests: {@code tern bench-accel} runs it.
 */
public final class AcceleratorBenchmark {
    private static final int HIDDEN = 2560;
    /** The area goal: LUTs of the whole unit per ternary lane (lanes x rows), with no DSP. */
    static final int LUTS_PER_LANE_GOAL = 12;
    private static final int ACCUMULATOR_BITS = 32;

    private AcceleratorBenchmark() {
    }

    public static void main(String[] commandLine) throws IOException {
        boolean areaOnly = commandLine.length > 0 && commandLine[0].equals("--area-only");
        String[] args = areaOnly ? Arrays.copyOfRange(commandLine, 1, commandLine.length) : commandLine;
        int lanes = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int pipeline = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        run(lanes, rows, pipeline, areaOnly, System.out);
    }

    /**
     * The area of a unit of {@code lanes x rows} with a register every {@code pipeline} tree levels, and unless
     * {@code areaOnly}, the utilisation of its trees on a 2560 x 2560 matmul.
     *
     * @throws AcceleratorConfigException for a configuration the generator refuses
     * @throws dev.tern.verilog.tools.ToolMissingException when Yosys is not installed
     */
    public static void run(int lanes, int rows, int pipeline, boolean areaOnly, PrintStream out) throws IOException {
        AcceleratorConfig areaConfig = new AcceleratorConfig(lanes, rows, pipeline, WeightEncoding.TWO_BIT, 1024, 64);
        area(areaConfig, out);
        if (areaOnly) {
            return;
        }
        int tiles = (HIDDEN + lanes - 1) / lanes;
        int groups = (HIDDEN + rows - 1) / rows;
        int weightDepth = Integer.highestOneBit(groups * tiles - 1) << 1;
        int activationDepth = Math.max(2, Integer.highestOneBit(tiles - 1) << 1);
        utilisation(new AcceleratorConfig(lanes, rows, pipeline, WeightEncoding.TWO_BIT, weightDepth, activationDepth), out);
    }

    /**
     * LUTs of the whole unit per lane, and of its parts synthesised on their own; whether the unit meets
     * {@link #LUTS_PER_LANE_GOAL}. The goal counts LUT cells only: the LUTs used as distributed RAM (the result
     * FIFO) are listed apart, and flip-flops, carry chains and block RAMs are free in it.
     */
    static void area(AcceleratorConfig config, PrintStream out) throws IOException {
        Path dir = Files.createTempDirectory("tern-area");
        int lanes = config.lanes();
        int rows = config.rows();
        int allLanes = lanes * rows;
        out.printf("synth_xilinx, lanes=%d rows=%d pipeline=%d%n", lanes, rows, config.pipelineEvery());
        out.printf("%-40s %8s %8s %8s %6s %6s %6s %10s%n", "part", "LUTs", "FFs", "CARRY4", "LUTRAM", "BRAM", "DSP", "LUTs/lane");
        row(out, "lane register (one lane)", dir, TernaryLane::new, 1);
        row(out, "tree of " + lanes + " signed terms", dir,
                () -> new PlusMinusAdderTree(lanes, Types.sint(8), config.pipelineEvery()), lanes);
        XilinxSynthesis dot = row(out, "dot product (lanes and tree), one row", dir,
                () -> new TernaryDotProduct(lanes, config.pipelineEvery()), lanes);
        row(out, "accumulator adder, one row", dir, () -> new PlusMinusAdder(ACCUMULATOR_BITS), lanes);
        XilinxSynthesis core = row(out, "datapath (" + rows + " rows, accumulators)", dir, () -> new TernaryMatVecCore(config), allLanes);
        row(out, "result FIFO", dir, () -> new Fifo(TernaryMatmulUnit.resultFifoDepth(config), ACCUMULATOR_BITS * rows), allLanes);
        XilinxSynthesis unit = row(out, "whole unit (+ SRAMs, FSM, FIFO)", dir, () -> new TernaryMatmulUnit(config), allLanes);
        difference(out, "  datapath beyond the dot products", core.luts() - rows * dot.luts(),
                core.flipFlops() - rows * dot.flipFlops(), allLanes);
        difference(out, "  control and memories (unit - datapath)", unit.luts() - core.luts(), unit.flipFlops() - core.flipFlops(),
                allLanes);
        double perLane = (double) unit.luts() / allLanes;
        boolean met = perLane <= LUTS_PER_LANE_GOAL && unit.dsps() == 0;
        out.printf("whole design: %.2f LUTs per ternary lane, %d DSP; goal of at most %d LUTs per lane and no DSP %s%s%n", perLane,
                unit.dsps(), LUTS_PER_LANE_GOAL, met ? "met" : "NOT met", lanes < 64 ? " (the goal is set for 64 lanes or more)" : "");
    }

    private static void difference(PrintStream out, String part, long luts, long flipFlops, int lanes) {
        out.printf("%-40s %8d %8d %8s %6s %6s %6s %10.2f%n", part, luts, flipFlops, "", "", "", "", (double) luts / lanes);
    }

    private static XilinxSynthesis row(PrintStream out, String part, Path dir, Supplier<? extends Component> component, int lanes)
            throws IOException {
        XilinxSynthesis s = XilinxSynthesis.of(Elaborator.elaborate(component), Files.createTempDirectory(dir, "part"));
        if (!s.run().succeeded()) {
            throw new IllegalStateException("yosys failed on " + part + ": " + s.run().output());
        }
        out.printf("%-40s %8d %8d %8d %6d %6d %6d %10.2f%n", part, s.luts(), s.flipFlops(), s.count("CARRY4"), s.lutRams(), s.blockRams(),
                s.dsps(), (double) s.luts() / lanes);
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
