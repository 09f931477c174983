package dev.tern.bitnet.backend;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryWeightCode;
import dev.tern.accel.WeightEncoding;
import dev.tern.bitnet.infer.GenerationOptions;
import dev.tern.bitnet.infer.Generator;
import dev.tern.bitnet.infer.GenerationListener;
import dev.tern.bitnet.infer.VerifyingMatmul;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetException;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import dev.tern.bitnet.synth.SyntheticModel;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryCode;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcceleratorMatmulTest {
    private static final AcceleratorConfig SMALL = new AcceleratorConfig(16, 2, 2, WeightEncoding.TWO_BIT, 16, 16);

    @Test
    void fileCodesAreTheAcceleratorsCodes() {
        for (int trit = -1; trit <= 1; trit++) {
            assertEquals(TernaryWeightCode.encode(trit), TernaryCode.encode(trit));
        }
    }

    @Test
    void acceleratorEqualsReferenceOnOddShapesAndBatches() {
        Random random = new Random(11);
        BitNetConfig model = BitNetConfig.tiny();
        try (AcceleratorMatmul rtl = AcceleratorMatmul.forModel(model, new AcceleratorConfig(16, 2, 2, WeightEncoding.TWO_BIT, 64, 32));
             WorkerPool pool = WorkerPool.singleThreaded()) {
            ReferenceTernaryMatmul reference = new ReferenceTernaryMatmul(pool);
            for (int[] shape : new int[][] {{1, 1}, {3, 17}, {37, 150}, {64, 128}}) {
                int rows = shape[0];
                int cols = shape[1];
                byte[] trits = new byte[rows * cols];
                for (int i = 0; i < trits.length; i++) {
                    trits[i] = (byte) (random.nextInt(3) - 1);
                }
                PackedTernaryMatrix w = PackedTernaryMatrix.fromTrits(rows, cols, trits);
                byte[][] x = new byte[2][cols];
                for (byte[] v : x) {
                    random.nextBytes(v);
                }
                int[][] expected = new int[2][rows];
                int[][] actual = new int[2][rows];
                reference.multiply(w, x, expected);
                rtl.multiply(w, x, actual);
                for (int b = 0; b < 2; b++) {
                    assertArrayEquals(expected[b], actual[b], rows + " x " + cols + ", vector " + b);
                }
            }
            assertTrue(rtl.totalCycles() > 0);
            assertEquals(4, rtl.cyclesByShape().size());
        }
    }

    @Test
    void tinyModelGeneratesTheSameTokensOnTheAccelerator() {
        BitNetConfig config = BitNetConfig.tiny();
        var model = SyntheticModel.create(config, 3).model();
        try (AcceleratorMatmul rtl = AcceleratorMatmul.forModel(config, new AcceleratorConfig(64, 4, 2, WeightEncoding.TWO_BIT, 256, 8));
             WorkerPool pool = WorkerPool.singleThreaded()) {
            VerifyingMatmul verifying = new VerifyingMatmul(new ReferenceTernaryMatmul(pool), rtl);
            var generation = new Generator(model, verifying, pool).generate("the adder", GenerationOptions.greedy(3), GenerationListener.NONE);
            assertEquals(3, generation.tokens().length);
            assertEquals(0, verifying.report().mismatchingOutputs());
            assertTrue(verifying.report().calls() > 0);
        }
    }

    @Test
    void modelThatDoesNotFitIsRefusedInOneLine() {
        BitNetException e = assertThrows(BitNetException.class, () -> AcceleratorMatmul.forModel(BitNetConfig.tiny(), SMALL));
        assertTrue(e.getMessage().contains("activation-depth is 16") || e.getMessage().contains("weight-depth"), e.getMessage());
    }
}
