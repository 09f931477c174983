package dev.tern.energy.measured;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryWeightCode;
import dev.tern.accel.WeightEncoding;
import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.MeasuredCounts;
import dev.tern.energy.count.OpType;
import dev.tern.energy.design.ArrayConfig;
import dev.tern.energy.design.WeightStreamingDataflow;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.sim.Simulator;
import dev.tern.sim.activity.StateWriteCounter;
import dev.tern.sim.netlist.FlatNetlist;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The energy model's {@link ActionCounts} of a matmul, counted from what the {@code ternary-matmul}
 * unit does in the cycle-accurate simulator rather than from the shape:
 * <ul>
 *   <li>Tree adds: for each row's tree and each level k, the cycles in which the level's inputs
 *       carry valid data (the {@code in_valid} of the tree, or the valid bit of the register before
 *       the level) times the level's {@code lanes >> k} adders, of (8+k-1)-bit operands.</li>
 *   <li>Base-3 decode: each cycle the tree takes valid data, one tripling add per lane.</li>
 *   <li>Accumulator: the cycles each row's dot product is valid, the edges its accumulator adds it (the
 *       register holds its value through a keep path rather than an enable, so its load edges are not
 *       read from the register).</li>
 *   <li>Register bits: the bits loaded into the datapath registers, the trees' level sums and sign
 *       flags on the edges their enable is high, and the accumulators' 32 bits per add; the lane registers'
 *       word and sign flag for each tile they hold (they have no enable, and only the edges that bring a
 *       tile change them); plus the activation
 *       SRAM's read-data register on each enabled read. Control registers (counters, valid bits) are
 *       not counted, as the analytic model has none.</li>
 *   <li>SRAM: enabled read and write ports of the weight SRAM, the activation SRAM and the result
 *       FIFO (the outputs memory), each with its capacity in the unit.</li>
 *   <li>DRAM: the bits accepted on {@code weight_in}, where weights arrive from DRAM.</li>
 * </ul>
 * The simulator must run the unit at one register per tree level ({@code pipelineEvery = 1}), the
 * geometry the analytic model assumes.
 */
public final class MeasuredActionCounts implements AutoCloseable {
    private static final int ACTIVATION_BITS = 8;
    private static final int ACCUMULATOR_BITS = 32;
    private static final int DECODE_OPERAND_BITS = 9;
    /** A lane register: the activation word and the sign flag. */
    private static final int LANE_REGISTER_BITS = ACTIVATION_BITS + 1;
    private static final String WEIGHT_SRAM = "weight_sram";
    private static final String ACTIVATION_SRAM = "activation_sram";
    private static final String RESULT_FIFO = "results.storage";
    private static final Pattern DATAPATH_REGISTER =
            Pattern.compile("core\\.row\\d+\\.terms\\.level\\d+_(sum|positive)\\d+");

    private final AcceleratorConfig config;
    private final SimulatedMatmul unit;

    public MeasuredActionCounts(AcceleratorConfig config) {
        if (config.pipelineEvery() != 1) {
            throw new IllegalArgumentException("measured counts need a register after every tree level (pipeline 1),"
                    + " the geometry of the analytic model; got pipeline " + config.pipelineEvery());
        }
        this.config = config;
        this.unit = new SimulatedMatmul(config);
    }

    /**
     * The smallest unit of {@code lanes x rows} whose SRAMs hold each of {@code shapes}: depths are the
     * powers of two that fit the largest weight matrix and activation vector, pipeline 1.
     */
    public static AcceleratorConfig configFor(int lanes, int rows, WeightEncoding encoding,
            Collection<MatmulShape> shapes) {
        long weightWords = 0;
        long activationWords = 0;
        for (MatmulShape shape : shapes) {
            long tiles = ceilDiv(shape.in(), lanes);
            weightWords = Math.max(weightWords, ceilDiv(shape.out(), rows) * tiles);
            activationWords = Math.max(activationWords, tiles);
        }
        return new AcceleratorConfig(lanes, rows, 1, encoding, depthFor(weightWords), depthFor(activationWords));
    }

    /** The analytic model's geometry for this unit: its lanes and rows and the capacities of its memories. */
    public ArrayConfig energyArray() {
        FlatNetlist netlist = unit.simulator().netlist();
        return new ArrayConfig(config.lanes(), config.rows(), capacityBytes(netlist, WEIGHT_SRAM),
                capacityBytes(netlist, ACTIVATION_SRAM), capacityBytes(netlist, RESULT_FIFO));
    }

    /** The counts of one matmul {@code codes . x} ({@link TernaryWeightCode}s, out x in; INT8 x), weights loading included. */
    public ActionCounts measure(byte[][] codes, byte[] x) {
        Simulator sim = unit.simulator();
        StateWriteCounter writes = StateWriteCounter.attach(sim);
        ValidCycles valid = ValidCycles.attach(sim, config);
        try {
            unit.loadWeights(codes);
            unit.multiply(x);
        } finally {
            writes.detach();
            valid.detach();
        }
        return counts(writes, valid);
    }

    /**
     * Measured counts of one matmul of each shape, with seeded random weights (each trit equally likely)
     * and random INT8 activations: the arithmetic does not depend on the values, only the shape.
     */
    public MeasuredCounts measureShapes(Collection<MatmulShape> shapes, long seed) {
        Random random = new Random(seed);
        Map<MatmulShape, ActionCounts> byShape = new LinkedHashMap<>();
        for (MatmulShape shape : shapes) {
            if (!byShape.containsKey(shape)) {
                byShape.put(shape, measure(randomCodes(shape, random), randomActivations(shape.in(), random)));
            }
        }
        return MeasuredCounts.simulated(byShape);
    }

    static byte[][] randomCodes(MatmulShape shape, Random random) {
        byte[][] codes = new byte[shape.out()][shape.in()];
        for (byte[] row : codes) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (byte) TernaryWeightCode.encode(random.nextInt(3) - 1);
            }
        }
        return codes;
    }

    static byte[] randomActivations(int in, Random random) {
        byte[] x = new byte[in];
        random.nextBytes(x);
        return x;
    }

    private ActionCounts counts(StateWriteCounter writes, ValidCycles valid) {
        int lanes = config.lanes();
        int levels = config.treeLevels();
        ActionCounts.Builder counts = ActionCounts.builder();
        for (int row = 0; row < config.rows(); row++) {
            for (int k = 1; k <= levels; k++) {
                counts.datapath(OpType.intAdd(ACTIVATION_BITS + k - 1), (long) (lanes >> k) * valid.levelInputs(row, k));
            }
            counts.registerBits(Math.multiplyExact(valid.levelInputs(row, 1), (long) lanes * LANE_REGISTER_BITS));
            if (config.encoding() == WeightEncoding.BASE3) {
                counts.datapath(OpType.intAdd(DECODE_OPERAND_BITS), (long) lanes * valid.levelInputs(row, 1));
            }
            counts.accumulator(OpType.intAdd(ACCUMULATOR_BITS), valid.dotProducts(row));
            counts.registerBits(Math.multiplyExact(valid.dotProducts(row), (long) ACCUMULATOR_BITS));
        }
        writes.registers().forEach((name, register) -> {
            if (DATAPATH_REGISTER.matcher(name).matches()) {
                counts.registerBits(register.bits());
            }
        });
        StateWriteCounter.MemoryAccesses weights = writes.memory(WEIGHT_SRAM);
        StateWriteCounter.MemoryAccesses activations = writes.memory(ACTIVATION_SRAM);
        StateWriteCounter.MemoryAccesses outputs = writes.memory(RESULT_FIFO);
        counts.registerBits(Math.multiplyExact(activations.reads(), (long) activations.wordBits()));
        sram(counts, WeightStreamingDataflow.WEIGHTS, weights);
        sram(counts, WeightStreamingDataflow.ACTIVATIONS, activations);
        sram(counts, WeightStreamingDataflow.OUTPUTS, outputs);
        counts.dramReadBits(Math.multiplyExact(weights.writes(), (long) weights.wordBits()));
        return counts.build();
    }

    private static void sram(ActionCounts.Builder counts, String name, StateWriteCounter.MemoryAccesses memory) {
        long capacity = capacityBytes(memory.depth(), memory.wordBits());
        if (memory.reads() > 0) {
            counts.sramRead(name, capacity, memory.reads(), memory.wordBits());
        }
        if (memory.writes() > 0) {
            counts.sramWrite(name, capacity, memory.writes(), memory.wordBits());
        }
    }

    private static long capacityBytes(FlatNetlist netlist, String memory) {
        FlatNetlist.Memory found = netlist.memories().stream().filter(m -> m.name().equals(memory)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the ternary-matmul unit has no memory " + memory));
        return capacityBytes(found.depth(), found.width());
    }

    private static long capacityBytes(int depth, int wordBits) {
        return ceilDiv((long) depth * wordBits, 8);
    }

    private static int depthFor(long words) {
        long depth = Math.max(AcceleratorConfig.MIN_DEPTH, Long.highestOneBit(Math.max(1, words - 1)) << 1);
        if (depth > AcceleratorConfig.MAX_DEPTH) {
            throw new IllegalArgumentException("a matrix of " + words + " weight words does not fit the largest SRAM of "
                    + AcceleratorConfig.MAX_DEPTH + " words");
        }
        return (int) depth;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Override
    public void close() {
        unit.close();
    }
}
