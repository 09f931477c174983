package dev.tern.energy.workload;

import dev.tern.energy.EnergyModelException;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a LLaMA-like BitNet model, all the energy model needs of it. Per layer the ternary
 * (BitLinear) projections are q, k, v, o, then gate (when the FFN is gated), up and down; the
 * full-precision parts are the lm_head, attention over the context, and the norms.
 */
public record ModelShape(
        String name,
        int hidden,
        int intermediate,
        int layers,
        int heads,
        int kvHeads,
        int headDim,
        int vocab,
        boolean tiedEmbeddings,
        boolean gatedFfn) {

    public ModelShape {
        if (name == null || name.isBlank()) {
            throw new EnergyModelException("model shape needs a name");
        }
        requirePositive(name, "hidden", hidden);
        requirePositive(name, "intermediate", intermediate);
        requirePositive(name, "layers", layers);
        requirePositive(name, "heads", heads);
        requirePositive(name, "kvHeads", kvHeads);
        requirePositive(name, "headDim", headDim);
        requirePositive(name, "vocab", vocab);
        if (heads % kvHeads != 0) {
            throw new EnergyModelException("model " + name + ": heads " + heads + " is not a multiple of kvHeads "
                    + kvHeads);
        }
    }

    /** The ternary projections of one layer, in execution order. */
    public List<BitLinear> bitLinearsPerLayer() {
        int attention = heads * headDim;
        int keyValue = kvHeads * headDim;
        List<BitLinear> result = new ArrayList<>();
        result.add(new BitLinear("q", new MatmulShape(attention, hidden)));
        result.add(new BitLinear("k", new MatmulShape(keyValue, hidden)));
        result.add(new BitLinear("v", new MatmulShape(keyValue, hidden)));
        result.add(new BitLinear("o", new MatmulShape(hidden, attention)));
        if (gatedFfn) {
            result.add(new BitLinear("gate", new MatmulShape(intermediate, hidden)));
        }
        result.add(new BitLinear("up", new MatmulShape(intermediate, hidden)));
        result.add(new BitLinear("down", new MatmulShape(hidden, intermediate)));
        return List.copyOf(result);
    }

    /** Ternary weights read per token: every BitLinear of every layer. */
    public long ternaryWeightsPerToken() {
        return bitLinearsPerLayer().stream().mapToLong(b -> b.shape().weights()).sum() * layers;
    }

    /** The full-precision output projection. */
    public MatmulShape lmHead() {
        return new MatmulShape(vocab, hidden);
    }

    private static void requirePositive(String model, String field, int value) {
        if (value <= 0) {
            throw new EnergyModelException("model " + model + ": " + field + " must be positive, found " + value);
        }
    }
}
