package dev.tern.energy.design;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.OpType;
import dev.tern.energy.workload.MatmulShape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ternary accelerator as {@code dev.tern.accel.rtl} builds it: per output row, an adder tree over
 * {@code lanes} INT8 activations whose weights are -1, 0 or +1, and an INT32 accumulator across the
 * tiles of the row.
 *
 * <p>Counting rules, per tree evaluation. Every row of a row group evaluates its tree on every tile:
 * there are {@code rowGroups x rows x tiles} evaluations, since a padded last tile still exercises the
 * whole tree and the idle rows of the last row group run on zero weights (nothing gates them).
 * <ul>
 *   <li>Lanes: each lane's register takes the activation as a signed word (cleared for weight 0) and a sign
 *       flag (+1 or -1): {@value #LANE_REGISTER_BITS} register bits per lane and evaluation, and no
 *       arithmetic. No term is negated and nothing counts the -1 weights.</li>
 *   <li>Tree: level k = 1..log2(lanes) has {@code lanes >> k} adds of two (8+k-1)-bit numbers giving
 *       8+k bits; each adds or subtracts as the two terms' sign flags say, the sign folded into the
 *       adder, and passes a sign flag on.</li>
 *   <li>Base-3 decode (base-3 encoding only): one multiply-by-3 step per weight, an add of p and
 *       p&lt;&lt;1 (9-bit operand, 10-bit result) whose top bits are the weight and whose low byte is
 *       the next p; the last byte of a tile decodes only the weights it holds.</li>
 *   <li>Accumulator: one INT32 add (or subtract, by the root's sign flag).</li>
 *   <li>Registers: the lane registers; a register after every tree level (the accelerator at pipeline 1),
 *       holding each adder's (8+k)-bit sum and its sign flag; the INT32 accumulator. The base-3 decode
 *       feeds the lane registers without a register of its own.</li>
 * </ul>
 * Memory traffic follows {@link WeightStreamingDataflow} with 8-bit activations and 32-bit outputs.
 */
public record TernaryAdderTree(ArrayConfig config, WeightEncoding encoding) implements Design {

    static final int ACTIVATION_BITS = 8;
    static final int ACCUMULATOR_BITS = 32;
    private static final int DECODE_OPERAND_BITS = 9;
    private static final int SIGN_FLAG_BITS = 1;
    static final int LANE_REGISTER_BITS = ACTIVATION_BITS + SIGN_FLAG_BITS;

    @Override
    public String id() {
        return "ternary";
    }

    @Override
    public String label() {
        return "Ternary adder tree (" + encoding.label() + " weights)";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("lanes", Integer.toString(config.lanes()));
        result.put("rows", Integer.toString(config.rows()));
        result.put("weight_encoding", encoding.label());
        result.put("weight_bits_per_tile", Long.toString(encoding.bitsPerTile(config.lanes())));
        result.put("activation_bits", Integer.toString(ACTIVATION_BITS));
        result.put("accumulator_bits", Integer.toString(ACCUMULATOR_BITS));
        return result;
    }

    @Override
    public boolean integerCore() {
        return true;
    }

    @Override
    public Design withLanes(int lanes) {
        return new TernaryAdderTree(config.withLanes(lanes), encoding);
    }

    @Override
    public ActionCounts count(MatmulShape shape) {
        int lanes = config.lanes();
        int levels = config.treeLevels();
        long evaluations = Math.multiplyExact(evaluatedRows(shape), config.tiles(shape));
        ActionCounts.Builder counts = WeightStreamingDataflow.traffic(config, shape, encoding.bitsPerTile(lanes),
                ACTIVATION_BITS, ACCUMULATOR_BITS);
        long registerBitsPerEvaluation = (long) lanes * LANE_REGISTER_BITS;
        for (int k = 1; k <= levels; k++) {
            long adds = lanes >> k;
            counts.datapath(OpType.intAdd(ACTIVATION_BITS + k - 1), adds * evaluations);
            registerBitsPerEvaluation += adds * (ACTIVATION_BITS + k + SIGN_FLAG_BITS);
        }
        if (encoding == WeightEncoding.BASE3) {
            counts.datapath(OpType.intAdd(DECODE_OPERAND_BITS), (long) lanes * evaluations);
        }
        counts.accumulator(OpType.intAdd(ACCUMULATOR_BITS), evaluations);
        registerBitsPerEvaluation += ACCUMULATOR_BITS;
        return counts.registerBits(Math.multiplyExact(registerBitsPerEvaluation, evaluations)).build();
    }

    /** Rows whose trees run: every row of every row group, the idle ones of the last group included. */
    long evaluatedRows(MatmulShape shape) {
        return Math.multiplyExact(config.rowGroups(shape), (long) config.rows());
    }
}
