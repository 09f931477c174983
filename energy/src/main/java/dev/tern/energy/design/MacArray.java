package dev.tern.energy.design;

import dev.tern.energy.EnergyModelException;
import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.OpType;
import dev.tern.energy.workload.MatmulShape;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A multiply-accumulate baseline of the same geometry (and throughput) as the ternary array: each
 * of the {@code lanes} positions of a row multiplies a weight by an activation and adds the product
 * into the row's running sum, as a systolic row does.
 *
 * <p>Counting rules, per evaluation (one row, one tile; {@code out x tiles} of them, padded lanes
 * included): {@code lanes} multiplies and {@code lanes} accumulator adds; every result registered
 * (product and running sum). Memory traffic follows {@link WeightStreamingDataflow} with the
 * format's weight, activation and accumulator widths.
 */
public record MacArray(ArrayConfig config, Format format) implements Design {

    /** The two baselines the project compares against. */
    public enum Format {
        /** INT8 weights and activations, INT8 multiply, INT32 accumulate. */
        INT8("int8-mac", "INT8 MAC array", OpType.intMul(8), OpType.intAdd(32), 8, 16, 32),
        /** FP16 weights and activations, FP16 multiply, FP16 accumulate. */
        FP16("fp16-mac", "FP16 MAC array", OpType.fpMul(16), OpType.fpAdd(16), 16, 16, 16);

        private final String id;
        private final String label;
        private final OpType multiply;
        private final OpType accumulate;
        private final int operandBits;
        private final int productBits;
        private final int accumulatorBits;

        /** Parses a baseline name as the CLI's {@code --baseline} gives it: {@code fp16} or {@code int8}. */
        public static Format parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "fp16", "fp16-mac" -> FP16;
                case "int8", "int8-mac" -> INT8;
                default -> throw new EnergyModelException("unknown baseline '" + text + "', expected fp16 or int8");
            };
        }

        Format(String id, String label, OpType multiply, OpType accumulate, int operandBits, int productBits,
                int accumulatorBits) {
            this.id = id;
            this.label = label;
            this.multiply = multiply;
            this.accumulate = accumulate;
            this.operandBits = operandBits;
            this.productBits = productBits;
            this.accumulatorBits = accumulatorBits;
        }
    }

    @Override
    public String id() {
        return format.id;
    }

    @Override
    public String label() {
        return format.label;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("lanes", Integer.toString(config.lanes()));
        result.put("rows", Integer.toString(config.rows()));
        result.put("weight_bits", Integer.toString(format.operandBits));
        result.put("activation_bits", Integer.toString(format.operandBits));
        result.put("multiply", format.multiply.label());
        result.put("accumulate", format.accumulate.label());
        return result;
    }

    @Override
    public boolean integerCore() {
        return format == Format.INT8;
    }

    @Override
    public Design withLanes(int lanes) {
        return new MacArray(config.withLanes(lanes), format);
    }

    @Override
    public ActionCounts count(MatmulShape shape) {
        long macs = Math.multiplyExact(Math.multiplyExact(shape.out(), config.tiles(shape)), config.lanes());
        return WeightStreamingDataflow.traffic(config, shape, (long) config.lanes() * format.operandBits,
                        format.operandBits, format.accumulatorBits)
                .datapath(format.multiply, macs)
                .accumulator(format.accumulate, macs)
                .registerBits(Math.multiplyExact(macs, format.productBits + format.accumulatorBits))
                .build();
    }
}
