package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HfPackedTernaryCodecTest {
    private static final TensorLocation WHERE = new TensorLocation("model.safetensors", "q_proj.weight", 800);

    @Test
    void unpacksTheExampleOfTransformersUnpackWeightsDocstring() {
        // transformers/integrations/bitnet.py: packed [[0b10100001, 0b00011000], [0b10010000, 0b00001010]]
        // unpacks to [[0,-1],[-1,1],[-1,1],[-1,1],[1,0],[0,-1],[1,-1],[1,-1]]
        ByteBuffer packed = ByteBuffer.wrap(new byte[] {(byte) 0b10100001, 0b00011000, (byte) 0b10010000, 0b00001010});
        TernaryWeight weight = HfPackedTernaryCodec.decode(packed, 2, 2, 1f, ScaleConvention.MULTIPLIES, WHERE);
        int[] expected = {0, -1, -1, 1, -1, 1, -1, 1, 1, 0, 0, -1, 1, -1, 1, -1};
        assertArrayEquals(expected, ReferenceLayouts.trits(weight.matrix()));
    }

    @Test
    void roundTripsAndMatchesTransformersPackWeightsOnManyShapes() {
        Random random = new Random(21);
        int[][] shapes = {{4, 1}, {4, 7}, {8, 16}, {12, 33}, {64, 128}, {20, 2560}};
        for (int[] shape : shapes) {
            TernaryWeight weight = ReferenceLayouts.randomWeight(random, shape[0], shape[1], 1.5f);
            byte[] packed = HfPackedTernaryCodec.encode(weight);
            assertArrayEquals(ReferenceLayouts.packHf(ReferenceLayouts.trits(weight.matrix()), shape[0], shape[1]),
                    packed, shape[0] + "x" + shape[1]);
            TernaryWeight decoded = HfPackedTernaryCodec.decode(ByteBuffer.wrap(packed), shape[0] / 4, shape[1], 1.5f,
                    ScaleConvention.MULTIPLIES, WHERE);
            assertEquals(weight, decoded);
        }
    }

    @Test
    void autobitlinearScaleMultipliesAndBitlinearScaleDivides() {
        // transformers AutoBitLinear (offline): y = F.linear(x, W) * weight_scale  -> stored value is gamma
        // transformers BitLinear:                y = (W . xq) / (weight_scale * input_scale) -> stored is 1/gamma
        assertEquals(ScaleConvention.MULTIPLIES, ScaleConvention.ofLinearClass("autobitlinear"));
        assertEquals(ScaleConvention.DIVIDES, ScaleConvention.ofLinearClass("bitlinear"));
        assertEquals(ScaleConvention.DIVIDES, ScaleConvention.ofLinearClass(null));
        assertThrows(IllegalArgumentException.class, () -> ScaleConvention.ofLinearClass("linear"));

        TernaryWeight unit = new TernaryWeight(PackedTernaryMatrix.fromTrits(4, 1, new byte[] {1, -1, 0, 1}), 1f);
        ByteBuffer packed = ByteBuffer.wrap(HfPackedTernaryCodec.encode(unit));
        float weightScale = 1.5f;
        float x = 2f;
        float autoBitLinearOutput = 1 * x * weightScale;
        float bitLinearOutput = 1 * x / weightScale;
        TernaryWeight multiplies = HfPackedTernaryCodec.decode(packed, 1, 1, weightScale, ScaleConvention.MULTIPLIES, WHERE);
        TernaryWeight divides = HfPackedTernaryCodec.decode(packed, 1, 1, weightScale, ScaleConvention.DIVIDES, WHERE);
        assertEquals(autoBitLinearOutput, multiplies.matrix().trit(0, 0) * x * multiplies.scale());
        assertEquals(bitLinearOutput, divides.matrix().trit(0, 0) * x * divides.scale(), 1e-6f);
        assertEquals(weightScale, ScaleConvention.DIVIDES.stored(divides.scale()), 1e-6f);
    }

    @Test
    void code3AndShortDataAreErrorsWithTheOffset() {
        ByteBuffer packed = ByteBuffer.wrap(new byte[] {0x55, 0x55, 0x55, 0x55, 0x55, (byte) 0xC5, 0x55, 0x55});
        ModelFormatException bad = assertThrows(ModelFormatException.class,
                () -> HfPackedTernaryCodec.decode(packed, 2, 4, 1f, ScaleConvention.MULTIPLIES, WHERE));
        assertEquals("model.safetensors: tensor 'q_proj.weight': packed ternary byte holds code 3, which is not a trit"
                + " (at offset 804)", bad.getMessage());
        ModelFormatException shortData = assertThrows(ModelFormatException.class,
                () -> HfPackedTernaryCodec.decode(ByteBuffer.allocate(7), 2, 4, 1f, ScaleConvention.MULTIPLIES, WHERE));
        assertTrue(shortData.getMessage().contains("needs 8 bytes, only 7 are there"), shortData.getMessage());
        ModelFormatException zeroScale = assertThrows(ModelFormatException.class,
                () -> HfPackedTernaryCodec.decode(ByteBuffer.allocate(8), 2, 4, 0f, ScaleConvention.DIVIDES, WHERE));
        assertTrue(zeroScale.getMessage().contains("non-finite gamma"), zeroScale.getMessage());
    }

    @Test
    void encodingNeedsAMultipleOfFourRows() {
        assertThrows(IllegalArgumentException.class,
                () -> HfPackedTernaryCodec.encode(new TernaryWeight(PackedTernaryMatrix.zeros(6, 4), 1f)));
    }
}
