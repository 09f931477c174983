package dev.tern.energy.design;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.OpType;
import dev.tern.energy.workload.MatmulShape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ternary accelerator: per output row, an adder tree over {@code lanes} INT8 activations whose
 * weights are -1, 0 or +1, and an INT32 accumulator across the tiles of the row.
 *
 * <p>Counting rules, per tree evaluation (one row, one tile; there are {@code out x tiles} of them,
 * a padded last tile still exercises the whole tree, and idle rows of the last row group are gated):
 * <ul>
 *   <li>Lane inputs: a +1 weight passes x, 0 passes zero, -1 passes the bitwise inverse ~x
 *       (= -x - 1); muxes and inverters are logic, not counted arithmetic.</li>
 *   <li>Tree: level k = 1..log2(lanes) has {@code lanes >> k} adds of two (8+k-1)-bit numbers
 *       giving 8+k bits.</li>
 *   <li>Negative-weight count: a popcount tree over the lanes' negate flags, level k having
 *       {@code lanes >> k} adds of k-bit numbers giving k+1 bits.</li>
 *   <li>Root correction: one add of the count into the (8+L)-bit root sum (L = log2 lanes),
 *       giving 9+L bits; this turns the inverses into exact negations.</li>
 *   <li>Base-3 decode (base-3 encoding only): per packed byte, five multiply-by-3 steps, each one
 *       add of p and p&lt;&lt;1 (9-bit operand, 10-bit result) whose top bits are a trit and whose
 *       low byte is the next p.</li>
 *   <li>Accumulator: one INT32 add.</li>
 *   <li>Registers: every add's result is registered (a fully pipelined datapath), so the bits
 *       written are the output widths of all the adds above, accumulator included.</li>
 * </ul>
 * Memory traffic follows {@link WeightStreamingDataflow} with 8-bit activations and 32-bit outputs.
 */
public record TernaryAdderTree(ArrayConfig config, WeightEncoding encoding) implements Design {

    static final int ACTIVATION_BITS = 8;
    static final int ACCUMULATOR_BITS = 32;
    private static final int DECODE_OPERAND_BITS = 9;
    private static final int DECODE_RESULT_BITS = 10;
    private static final int TRITS_PER_BYTE = 5;

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
        long evaluations = Math.multiplyExact(shape.out(), config.tiles(shape));
        ActionCounts.Builder counts = WeightStreamingDataflow.traffic(config, shape, encoding.bitsPerTile(lanes),
                ACTIVATION_BITS, ACCUMULATOR_BITS);
        long registerBitsPerEvaluation = 0;
        for (int k = 1; k <= levels; k++) {
            long adds = lanes >> k;
            counts.datapath(OpType.intAdd(ACTIVATION_BITS + k - 1), adds * evaluations);
            registerBitsPerEvaluation += adds * (ACTIVATION_BITS + k);
        }
        for (int k = 1; k <= levels; k++) {
            long adds = lanes >> k;
            counts.datapath(OpType.intAdd(k), adds * evaluations);
            registerBitsPerEvaluation += adds * (k + 1);
        }
        counts.datapath(OpType.intAdd(ACTIVATION_BITS + levels), evaluations);
        registerBitsPerEvaluation += ACTIVATION_BITS + levels + 1;
        if (encoding == WeightEncoding.BASE3) {
            long decodeAdds = TRITS_PER_BYTE * WeightEncoding.bytesPerTile(lanes);
            counts.datapath(OpType.intAdd(DECODE_OPERAND_BITS), decodeAdds * evaluations);
            registerBitsPerEvaluation += decodeAdds * DECODE_RESULT_BITS;
        }
        counts.accumulator(OpType.intAdd(ACCUMULATOR_BITS), evaluations);
        registerBitsPerEvaluation += ACCUMULATOR_BITS;
        return counts.registerBits(Math.multiplyExact(registerBitsPerEvaluation, evaluations)).build();
    }
}
