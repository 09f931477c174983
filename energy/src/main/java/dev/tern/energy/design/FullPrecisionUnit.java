package dev.tern.energy.design;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.OpType;
import dev.tern.energy.workload.BitLinear;
import dev.tern.energy.workload.ModelShape;

import java.util.ArrayList;
import java.util.List;

/**
 * The FP16 vector unit beside the matmul engine that runs a token's full-precision work, the same
 * for every compared design except that integer cores add the BitLinear activation scaling.
 *
 * <p>Counting rules, all FP16, every result registered (16 bits), everything fetched from DRAM
 * written once into and read once from an on-chip buffer:
 * <ul>
 *   <li>lm_head: vocab x hidden multiply-adds; its FP16 weights come from DRAM every token.</li>
 *   <li>attention, per layer, over {@code context} positions (the new token included): RoPE on q
 *       and k (2 multiplies and 1 add per element); scores q.k (heads x context x headDim
 *       multiply-adds); softmax (2 multiplies and 2 adds per score, exp taken as one multiply-add);
 *       weighted sum of values (heads x context x headDim multiply-adds). The KV cache is read
 *       from DRAM (2 x kvHeads x headDim x context values) and the new K and V written back.</li>
 *   <li>norms: 2 RMSNorms per layer and a final one, 3 multiplies and 1 add per element.</li>
 *   <li>FFN activation, per layer: 1 multiply and 1 add per intermediate element, plus the
 *       gating product when the FFN is gated; residuals: 2 x hidden adds per layer.</li>
 *   <li>BitLinear scaling, per layer, integer cores only: per projection, the absmax search
 *       (1 add-class compare per input), quantisation (1 multiply per input) and output rescaling
 *       (1 multiply per output).</li>
 * </ul>
 * Sub-norms and the reciprocal square root of each norm are O(hidden) and left out.
 */
public record FullPrecisionUnit(long bufferBytes) {

    public static final String BUFFER = "fp-buffer";
    static final int BITS = 16;

    /**
     * One kind of full-precision work: the counts of one instance, how many instances one layer
     * has and how many a whole token has.
     */
    public record Part(String name, long perLayer, long perToken, ActionCounts counts) {
    }

    public FullPrecisionUnit {
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("buffer capacity must be positive");
        }
    }

    public static FullPrecisionUnit defaults() {
        return new FullPrecisionUnit(ArrayConfig.DEFAULT_SRAM_BYTES);
    }

    public List<Part> parts(ModelShape model, int context, boolean integerCore) {
        if (context <= 0) {
            throw new IllegalArgumentException("context length must be positive: " + context);
        }
        List<Part> parts = new ArrayList<>();
        long lmHeadMacs = model.lmHead().weights();
        parts.add(new Part("lm_head", 0, 1, fromDram(ops(lmHeadMacs, lmHeadMacs), lmHeadMacs, 0).build()));
        parts.add(new Part("attention", 1, model.layers(), attention(model, context)));
        parts.add(new Part("norms", 2, 2L * model.layers() + 1, ops(3L * model.hidden(), model.hidden()).build()));
        long activation = model.intermediate();
        parts.add(new Part("ffn_activation_and_residual", 1, model.layers(),
                ops(activation + (model.gatedFfn() ? activation : 0), activation + 2L * model.hidden()).build()));
        if (integerCore) {
            long multiplies = 0;
            long adds = 0;
            for (BitLinear projection : model.bitLinearsPerLayer()) {
                multiplies += projection.shape().in() + (long) projection.shape().out();
                adds += projection.shape().in();
            }
            parts.add(new Part("bitlinear_scaling", 1, model.layers(), ops(multiplies, adds).build()));
        }
        return List.copyOf(parts);
    }

    private ActionCounts attention(ModelShape model, int context) {
        long ropeElements = (long) (model.heads() + model.kvHeads()) * model.headDim();
        long scores = (long) model.heads() * context;
        long dotMacs = scores * model.headDim();
        long multiplies = 2 * ropeElements + 2 * dotMacs + 2 * scores;
        long adds = ropeElements + 2 * dotMacs + 2 * scores;
        long keyValue = 2L * model.kvHeads() * model.headDim();
        return fromDram(ops(multiplies, adds), keyValue * context, keyValue).build();
    }

    private static ActionCounts.Builder ops(long multiplies, long adds) {
        return ActionCounts.builder()
                .datapath(OpType.fpMul(BITS), multiplies)
                .datapath(OpType.fpAdd(BITS), adds)
                .registerBits(Math.multiplyExact(multiplies + adds, BITS));
    }

    private ActionCounts.Builder fromDram(ActionCounts.Builder counts, long valuesRead, long valuesWritten) {
        return counts
                .dramReadBits(Math.multiplyExact(valuesRead, BITS))
                .dramWriteBits(Math.multiplyExact(valuesWritten, BITS))
                .sramWrite(BUFFER, bufferBytes, valuesRead, BITS)
                .sramRead(BUFFER, bufferBytes, valuesRead, BITS);
    }
}
