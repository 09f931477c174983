package dev.tern.cli;

import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.Projection;
import dev.tern.energy.workload.BitLinear;
import dev.tern.energy.workload.ModelShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BitNetShapesTest {
    @Test
    void everyPresetKeepsEveryTernaryWeightOfTheConfig() {
        for (String preset : BitNetConfig.PRESET_NAMES) {
            BitNetConfig config = BitNetConfig.preset(preset);

            ModelShape shape = BitNetShapes.of(preset, config);

            assertEquals(config.ternaryWeightsPerToken(), shape.ternaryWeightsPerToken(), preset);
        }
    }

    @Test
    void projectionsHaveTheShapesTheForwardPassUses() {
        BitNetConfig config = BitNetConfig.twoBShape();

        List<BitLinear> projections = BitNetShapes.of("2b-shape", config).bitLinearsPerLayer();

        List<Projection> order = List.of(Projection.Q, Projection.K, Projection.V, Projection.O, Projection.GATE,
                Projection.UP, Projection.DOWN);
        assertEquals(order.size(), projections.size());
        for (int i = 0; i < order.size(); i++) {
            Projection expected = order.get(i);
            assertEquals(expected.name().toLowerCase(java.util.Locale.ROOT), projections.get(i).name());
            assertEquals(expected.outFeatures(config), projections.get(i).shape().out(), expected.name());
            assertEquals(expected.inFeatures(config), projections.get(i).shape().in(), expected.name());
        }
    }

    @Test
    void twoBShapeIsTheTwoBillionWeightModel() {
        ModelShape shape = BitNetShapes.of("2b-shape", BitNetConfig.twoBShape());

        assertEquals(2_084_044_800L, shape.ternaryWeightsPerToken());
        assertEquals(128_256, shape.vocab());
        assertEquals(true, shape.tiedEmbeddings());
    }
}
