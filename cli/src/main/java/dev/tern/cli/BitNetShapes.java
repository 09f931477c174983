package dev.tern.cli;

import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.energy.workload.ModelShape;

/** The energy model's view of a BitNet model: the shape its hyper-parameters give. */
final class BitNetShapes {
    private BitNetShapes() {
    }

    static ModelShape of(String name, BitNetConfig config) {
        // Every BitNet b1.58 feed-forward block has a gate projection, whether the activation is ReLU² or SiLU.
        boolean gatedFfn = true;
        return new ModelShape(name, config.hidden(), config.intermediate(), config.layers(), config.heads(),
                config.kvHeads(), config.headDim(), config.vocab(), config.tiedEmbeddings(), gatedFfn);
    }
}
