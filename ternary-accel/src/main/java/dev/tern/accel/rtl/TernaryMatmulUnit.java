package dev.tern.accel.rtl;

import dev.tern.accel.AcceleratorConfig;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ternary matmul unit: {@code y = W . x} for a ternary {@code W} of {@code out x in} and INT8
 * {@code x}, INT32 {@code y}: the shared {@link MatmulUnit} control (SRAMs with double buffering, streams,
 * tiling, result FIFO, counters; its class comment documents the protocol and the cycle formula) around a
 * {@link TernaryMatVecCore}.
 *
 * <p>Words: a weight word holds the codes of {@code rows x lanes} weights as
 * {@link dev.tern.accel.TileWords#weights} packs them (two-bit or base-3); an activation word {@code lanes}
 * INT8 activations, lane {@code i} in bits {@code 8i+7..8i}; a result word row {@code r}'s INT32 in bits
 * {@code 32r+31..32r}.
 */
public final class TernaryMatmulUnit extends MatmulUnit {
    public TernaryMatmulUnit(AcceleratorConfig config) {
        super(moduleParameters(config),
                new Shape(config.weightWordBits(), config.activationWordBits(), 32 * config.rows(), config.weightDepth(),
                        config.activationDepth()),
                () -> core(config));
    }

    private static Core core(AcceleratorConfig config) {
        TernaryMatVecCore core = new TernaryMatVecCore(config);
        return new Core(core, core.inValid, Optional.empty(), core.inLast, core.activations, core.weights, core.outValid,
                core.results, TernaryMatVecCore.latency(config));
    }

    /** Words of the result FIFO: room for every result in flight. */
    public static int resultFifoDepth(AcceleratorConfig config) {
        return resultFifoDepth(TernaryMatVecCore.latency(config));
    }

    /** The generator parameters that name the unit's module, and any module wrapping it, in the Verilog header. */
    public static Map<String, Object> moduleParameters(AcceleratorConfig config) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("lanes", config.lanes());
        parameters.put("rows", config.rows());
        parameters.put("every", config.pipelineEvery());
        parameters.put("encoding", config.encoding().name().toLowerCase(Locale.ROOT));
        parameters.put("wdepth", config.weightDepth());
        parameters.put("adepth", config.activationDepth());
        return parameters;
    }

    /** Edges of a job of {@code rowGroups x tiles} tiles with the result stream always ready (see {@link MatmulUnit}). */
    public static long jobCycles(AcceleratorConfig config, long rowGroups, long tiles) {
        return jobCycles(TernaryMatVecCore.latency(config), rowGroups, tiles);
    }
}
