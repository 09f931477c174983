package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.BufferDenseMatrix;
import dev.tern.bitnet.tensor.DenseElementType;
import dev.tern.bitnet.tensor.Half;
import dev.tern.bitnet.tensor.TernaryWeight;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenseAndRecoveryTest {
    private static final TensorLocation WHERE = new TensorLocation("m.gguf", "blk.1.ffn_up.weight", 64);

    @Test
    void denseCodecRoundTripsEveryTypeWithItsRounding() {
        Random random = new Random(31);
        for (DenseElementType type : DenseElementType.values()) {
            for (int[] shape : new int[][] {{1, 1}, {1, 7}, {3, 5}, {16, 64}}) {
                float[] values = new float[shape[0] * shape[1]];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (random.nextGaussian() * 10);
                }
                BufferDenseMatrix source = BufferDenseMatrix.of(DenseElementType.F32, shape[0], shape[1], values);
                ByteBuffer encoded = DenseCodec.encode(source, type);
                assertEquals(DenseCodec.encodedSize(type, shape[0], shape[1]), encoded.remaining());
                BufferDenseMatrix decoded = DenseCodec.decode(encoded, type, shape[0], shape[1], WHERE);
                for (int i = 0; i < values.length; i++) {
                    assertEquals(type.round(values[i]), decoded.get(i / shape[1], i % shape[1]), type + " " + i);
                }
            }
        }
    }

    @Test
    void denseDecodeRejectsShortData() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> DenseCodec.decode(ByteBuffer.allocate(10), DenseElementType.F16, 2, 3, WHERE));
        assertEquals("m.gguf: tensor 'blk.1.ffn_up.weight': F16 data for 2 x 3 needs 12 bytes, only 10 are there"
                + " (at offset 64)", e.getMessage());
    }

    @Test
    void recoversTritsAndTheFp16RoundedScale() {
        TernaryWeight original = ReferenceLayouts.randomWeight(new Random(32), 8, 40, 0.0123f);
        float[] values = new float[8 * 40];
        for (int i = 0; i < values.length; i++) {
            values[i] = original.matrix().trit(i / 40, i % 40) * original.scale();
        }
        BufferDenseMatrix f16 = BufferDenseMatrix.of(DenseElementType.F16, 8, 40, values);
        TernaryWeight recovered = TernaryRecovery.recover(f16, WHERE);
        assertEquals(original.matrix(), recovered.matrix());
        assertEquals(Half.round(0.0123f), recovered.scale());
    }

    @Test
    void negativeZeroIsTritZeroAndAllZerosHaveScaleZero() {
        BufferDenseMatrix zeros = BufferDenseMatrix.of(DenseElementType.F32, 1, 3, new float[] {0f, -0f, 0f});
        TernaryWeight weight = TernaryRecovery.recover(zeros, WHERE);
        assertEquals(0f, weight.scale());
        assertEquals(0, weight.matrix().trit(0, 1));
    }

    @Test
    void valuesThatAreNotTernaryTimesOneScaleNameTheElement() {
        BufferDenseMatrix mixed = BufferDenseMatrix.of(DenseElementType.F32, 2, 2, new float[] {0.5f, -0.5f, 0f, 0.25f});
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TernaryRecovery.recover(mixed, WHERE));
        assertEquals("m.gguf: tensor 'blk.1.ffn_up.weight': element (1, 1) = 0.25 is not 0 or +-0.5 (the magnitude"
                + " of the first non-zero element); a BitNet weight is ternary times one scale", e.getMessage());
        BufferDenseMatrix nan = BufferDenseMatrix.of(DenseElementType.F32, 1, 2, new float[] {Float.NaN, 1f});
        assertTrue(assertThrows(ModelFormatException.class, () -> TernaryRecovery.recover(nan, WHERE))
                .getMessage().contains("element (0, 0) = NaN is not finite"));
    }
}
