package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.Half;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three block codecs: round trips on random data, the element order against the reference loops, damage. */
class TernaryCodecTest {
    private static final TensorLocation WHERE = new TensorLocation("test.gguf", "blk.0.attn_q.weight", 1000);
    private static final List<TernaryCodec> CODECS = List.of(new Tq2Codec(), new Tq1Codec(), new I2sCodec());
    private static final int[][] SHAPES = {{1, 256}, {3, 256}, {2, 512}, {5, 768}, {16, 1024}, {7, 2560}, {1, 6912}};

    private static ModelFormatException decodeFails(TernaryCodec codec, ByteBuffer data, int rows, int cols) {
        return assertThrows(ModelFormatException.class, () -> codec.decode(data, rows, cols, WHERE));
    }

    @Test
    void everyCodecRoundTripsRandomWeightsOfManyShapes() {
        Random random = new Random(42);
        for (TernaryCodec codec : CODECS) {
            for (int[] shape : SHAPES) {
                float scale = (float) random.nextDouble() * 3;
                TernaryWeight weight = ReferenceLayouts.randomWeight(random, shape[0], shape[1], scale);
                ByteBuffer encoded = codec.encode(weight);
                assertEquals(codec.encodedSize(shape[0], shape[1]), encoded.remaining());
                TernaryWeight decoded = codec.decode(encoded, shape[0], shape[1], WHERE);
                assertEquals(weight.matrix(), decoded.matrix(), codec.formatName() + " " + shape[0] + "x" + shape[1]);
                float expectedScale = codec instanceof I2sCodec ? scale : Half.round(scale);
                assertEquals(expectedScale, decoded.scale(), codec.formatName());
            }
        }
    }

    @Test
    void decodingReadsFromTheBufferPosition() {
        TernaryWeight weight = ReferenceLayouts.randomWeight(new Random(3), 2, 256, 1f);
        for (TernaryCodec codec : CODECS) {
            ByteBuffer encoded = codec.encode(weight);
            ByteBuffer shifted = ByteBuffer.allocate(encoded.remaining() + 5);
            shifted.position(5);
            shifted.put(encoded);
            shifted.position(5);
            assertEquals(weight.matrix(), codec.decode(shifted, 2, 256, WHERE).matrix(), codec.formatName());
        }
    }

    @Test
    void tq2ElementOrderFollowsGgmlDequantize() {
        Random random = new Random(5);
        TernaryWeight weight = ReferenceLayouts.randomWeight(random, 4, 512, 0.5f);
        ByteBuffer encoded = new Tq2Codec().encode(weight);
        assertArrayEquals(ReferenceLayouts.trits(weight.matrix()), ReferenceLayouts.dequantizeTq2(encoded, 4 * 512));
        assertEquals(Half.fromFloat(0.5f), encoded.getShort(64));
        assertEquals(Half.fromFloat(0.5f), encoded.getShort(66 * 7 + 64), "every block carries the scale");
    }

    @Test
    void tq1ElementOrderAndBytesFollowGgmlQuantizeAndDequantize() {
        Random random = new Random(6);
        TernaryWeight weight = ReferenceLayouts.randomWeight(random, 3, 768, 0.25f);
        int[] trits = ReferenceLayouts.trits(weight.matrix());
        ByteBuffer encoded = new Tq1Codec().encode(weight);
        assertEquals(ReferenceLayouts.quantizeTq1(trits, Half.fromFloat(0.25f)), encoded);
        assertArrayEquals(trits, ReferenceLayouts.dequantizeTq1(encoded, trits.length));
    }

    @Test
    void tq1DecodesEveryByteValueAsGgmlDoes() {
        // bytes the encoder never writes still decode, exactly as ggml decodes them
        ByteBuffer data = ByteBuffer.allocate(54 * 4).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(9);
        for (int block = 0; block < 4; block++) {
            for (int i = 0; i < 52; i++) {
                data.put(block * 54 + i, (byte) random.nextInt(256));
            }
            data.putShort(block * 54 + 52, Half.fromFloat(2f));
        }
        TernaryWeight decoded = new Tq1Codec().decode(data, 1, 1024, WHERE);
        assertArrayEquals(ReferenceLayouts.dequantizeTq1(data, 1024), ReferenceLayouts.trits(decoded.matrix()));
    }

    @Test
    void i2sBytesFollowBitnetCppQuantize() {
        Random random = new Random(10);
        TernaryWeight weight = ReferenceLayouts.randomWeight(random, 6, 384, 1.75f);
        ByteBuffer encoded = new I2sCodec().encode(weight);
        assertEquals(ReferenceLayouts.quantizeI2s(ReferenceLayouts.trits(weight.matrix()), 1.75f), encoded);
        assertEquals(6 * 384 / 4 + 32, encoded.remaining());
        assertEquals(1.75f, encoded.getFloat(6 * 384 / 4));
    }

    @Test
    void i2sElementJOfABlockIsInByteJMod32AtShift6Minus2TimesJDiv32() {
        byte[] trits = new byte[128];
        trits[0] = 1;    // byte 0, shift 6: code 2
        trits[33] = -1;  // byte 1, shift 4: code 0
        trits[127] = 1;  // byte 31, shift 0: code 2
        ByteBuffer encoded = new I2sCodec().encode(new TernaryWeight(PackedTernaryMatrix.fromTrits(1, 128, trits), 1f));
        assertEquals(0b10_01_01_01, encoded.get(0) & 0xFF);
        assertEquals(0b01_00_01_01, encoded.get(1) & 0xFF);
        assertEquals(0b01_01_01_10, encoded.get(31) & 0xFF);
        assertEquals(0b01_01_01_01, encoded.get(2) & 0xFF);
    }

    @Test
    void zeroBlocksMayCarryZeroScale() {
        byte[] trits = new byte[2 * 256];
        trits[300] = 1; // only block 1 holds a non-zero weight
        TernaryWeight weight = new TernaryWeight(PackedTernaryMatrix.fromTrits(1, 512, trits), 0.75f);
        for (TernaryCodec codec : List.of(new Tq2Codec(), new Tq1Codec())) {
            ByteBuffer encoded = codec.encode(weight);
            encoded.putShort(codec.encodedSize(1, 256) == 66 ? 64 : 52, (short) 0); // block 0's scale := 0
            TernaryWeight decoded = codec.decode(encoded, 1, 512, WHERE);
            assertEquals(0.75f, decoded.scale(), codec.formatName());
            assertEquals(1, decoded.matrix().trit(0, 300));
        }
    }

    @Test
    void anAllZeroTensorKeepsItsScale() {
        TernaryWeight zeros = new TernaryWeight(PackedTernaryMatrix.zeros(2, 256), 0.5f);
        for (TernaryCodec codec : CODECS) {
            assertEquals(0.5f, codec.decode(codec.encode(zeros), 2, 256, WHERE).scale(), codec.formatName());
        }
    }

    @Test
    void disagreeingBlockScalesNameBothBlocksAndTheOffset() {
        TernaryWeight weight = ReferenceLayouts.randomWeight(new Random(11), 1, 512, 1f);
        for (TernaryCodec codec : List.of(new Tq2Codec(), new Tq1Codec())) {
            ByteBuffer encoded = codec.encode(weight);
            int blockBytes = (int) codec.encodedSize(1, 256);
            encoded.putShort(2 * blockBytes - 2, Half.fromFloat(2f));
            String message = decodeFails(codec, encoded, 1, 512).getMessage();
            assertTrue(message.startsWith("test.gguf: tensor 'blk.0.attn_q.weight': " + codec.formatName()
                    + " block 1 has scale 2.0 but block 0 has 1.0"), message);
            assertTrue(message.endsWith("(at offset " + (1000 + 2 * blockBytes - 2) + ")"), message);
        }
    }

    @Test
    void nonFiniteScalesAreRejected() {
        TernaryWeight weight = ReferenceLayouts.randomWeight(new Random(12), 1, 256, 1f);
        ByteBuffer tq2 = new Tq2Codec().encode(weight);
        tq2.putShort(64, (short) 0x7C00);
        assertTrue(decodeFails(new Tq2Codec(), tq2, 1, 256).getMessage().contains("non-finite scale Infinity"));
        ByteBuffer i2s = new I2sCodec().encode(weight);
        i2s.putFloat(64, Float.NaN);
        assertTrue(decodeFails(new I2sCodec(), i2s, 1, 256).getMessage().contains("I2_S scale is not finite"));
    }

    @Test
    void code3IsNotATrit() {
        TernaryWeight weight = ReferenceLayouts.randomWeight(new Random(13), 2, 256, 1f);
        ByteBuffer tq2 = new Tq2Codec().encode(weight);
        tq2.put(66 + 9, (byte) 0xFF);
        String message = decodeFails(new Tq2Codec(), tq2, 2, 256).getMessage();
        assertTrue(message.contains("TQ2_0 block 1 holds code 3") && message.contains("(at offset " + (1000 + 66 + 8) + ")"),
                message);
        ByteBuffer i2s = new I2sCodec().encode(weight);
        i2s.put(70, (byte) 0x03);
        assertTrue(decodeFails(new I2sCodec(), i2s, 2, 256).getMessage().contains("I2_S block 2 holds code 3"));
    }

    @Test
    void rowsThatAreNotWholeBlocksAreRejected() {
        for (TernaryCodec codec : CODECS) {
            String message = decodeFails(codec, ByteBuffer.allocate(4096), 2, 200).getMessage();
            assertTrue(message.contains(codec.formatName() + " rows must hold a multiple of " + codec.columnMultiple()
                    + " weights, found 200"), message);
            assertThrows(IllegalArgumentException.class,
                    () -> codec.encode(new TernaryWeight(PackedTernaryMatrix.zeros(1, 100), 1f)));
        }
    }

    @Test
    void shortDataIsRejectedBeforeDecoding() {
        for (TernaryCodec codec : CODECS) {
            long needed = codec.encodedSize(4, 256);
            String message = decodeFails(codec, ByteBuffer.allocate((int) needed - 1), 4, 256).getMessage();
            assertTrue(message.contains("needs " + needed + " bytes, only " + (needed - 1) + " are there"), message);
        }
    }
}
