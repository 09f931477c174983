package dev.tern.energy.workload;

import dev.tern.energy.EnergyModelException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelShapeTest {

    static final ModelShape TWO_B = new ModelShape("2b-shape", 2560, 6912, 30, 20, 5, 128, 128256, true, true);

    @Test
    void twoBShapeHasAbout2point09BillionTernaryWeightsPerToken() {
        // per layer: q, o 2560x2560; k, v 640x2560; gate, up, down 6912 x 2560
        long perLayer = 2L * 2560 * 2560 + 2L * 640 * 2560 + 3L * 6912 * 2560;
        assertEquals(perLayer * 30, TWO_B.ternaryWeightsPerToken());
        assertEquals(2.09e9, TWO_B.ternaryWeightsPerToken(), 0.01e9);
    }

    @Test
    void projectionsAreListedInExecutionOrderWithOutByIn() {
        assertEquals(List.of(
                new BitLinear("q", new MatmulShape(2560, 2560)),
                new BitLinear("k", new MatmulShape(640, 2560)),
                new BitLinear("v", new MatmulShape(640, 2560)),
                new BitLinear("o", new MatmulShape(2560, 2560)),
                new BitLinear("gate", new MatmulShape(6912, 2560)),
                new BitLinear("up", new MatmulShape(6912, 2560)),
                new BitLinear("down", new MatmulShape(2560, 6912))), TWO_B.bitLinearsPerLayer());
    }

    @Test
    void ungatedFfnHasNoGateProjection() {
        ModelShape ungated = new ModelShape("u", 64, 128, 2, 4, 4, 16, 100, false, false);
        assertEquals(List.of("q", "k", "v", "o", "up", "down"),
                ungated.bitLinearsPerLayer().stream().map(BitLinear::name).toList());
    }

    @Test
    void impossibleShapesNameModelAndField() {
        EnergyModelException e = assertThrows(EnergyModelException.class,
                () -> new ModelShape("bad", 64, 0, 2, 4, 4, 16, 100, false, true));
        assertEquals("model bad: intermediate must be positive, found 0", e.getMessage());
        e = assertThrows(EnergyModelException.class,
                () -> new ModelShape("bad", 64, 128, 2, 6, 4, 16, 100, false, true));
        assertEquals("model bad: heads 6 is not a multiple of kvHeads 4", e.getMessage());
    }

    @Test
    void paperModelsAreTheSevenSizesWithSources() {
        List<PaperModels.Sourced> models = PaperModels.all();
        assertEquals(List.of("700M", "1.3B", "3B", "3.9B", "7B", "13B", "70B"),
                models.stream().map(m -> m.shape().name()).toList());
        models.forEach(m -> assertEquals(false, m.source().isBlank()));
        ModelShape b13 = models.get(1).shape();
        assertEquals(2048, b13.hidden());
        assertEquals(5460, b13.intermediate());
        assertEquals(24, b13.layers());
        ModelShape b70 = models.get(6).shape();
        assertEquals(8, b70.kvHeads());
        assertEquals(28672, b70.intermediate());
    }
}
