package dev.tern.accel.baseline;

import dev.tern.accel.rtl.MatmulUnit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A MAC baseline matmul unit, {@code y = W . x} with INT8 or FP16 weights and activations: the shared
 * {@link MatmulUnit} control of the ternary {@link dev.tern.accel.rtl.TernaryMatmulUnit} (the same ports,
 * double-buffered weight and activation SRAMs, batches that reuse one matrix, the same cycle formula) around an
 * {@link Int8MacArray} or {@link Fp16MacArray}. The throughput is the ternary unit's: one tile of
 * {@code lanes} activations against {@code rows x lanes} weights per edge.
 *
 * <p>Words are laid out as {@link MacWords} describes; results are INT32 (INT8) or FP16 bit patterns, row
 * {@code r} in bits {@code b*r+b-1..b*r}. With {@code result_out_ready} held high a job takes exactly
 * {@link #jobCycles} edges: {@code G*T} to issue the tiles, then the SRAM read (1), the array's
 * {@link MacArray#latency}, the result FIFO (1) and its output register (1).
 */
public final class MacArrayUnit extends MatmulUnit {
    public MacArrayUnit(MacArrayConfig config) {
        super(moduleParameters(config),
                new Shape(config.weightWordBits(), config.activationWordBits(), config.resultWordBits(), config.weightDepth(),
                        config.activationDepth()),
                () -> core(config));
    }

    private static Core core(MacArrayConfig config) {
        MacArray array = config.precision() == MacPrecision.INT8 ? new Int8MacArray(config) : new Fp16MacArray(config);
        return new Core(array, array.inValid, Optional.of(array.inFirst), array.inLast, array.activations, array.weights, array.outValid,
                array.results, MacArray.latency(config));
    }

    private static Map<String, Object> moduleParameters(MacArrayConfig config) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("precision", config.precision().name().toLowerCase(Locale.ROOT));
        parameters.put("lanes", config.lanes());
        parameters.put("rows", config.rows());
        parameters.put("wdepth", config.weightDepth());
        parameters.put("adepth", config.activationDepth());
        return parameters;
    }

    /** Edges of a job of {@code rowGroups x tiles} tiles with the result stream always ready (see {@link MatmulUnit}). */
    public static long jobCycles(MacArrayConfig config, long rowGroups, long tiles) {
        return jobCycles(MacArray.latency(config), rowGroups, tiles);
    }
}
