package dev.tern.bitnet.tensor;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BufferDenseMatrixTest {
    @Test
    void batchedRowDotsEqualTheColumnOrderFloatSumOnRandomData() {
        java.util.Random random = new java.util.Random(5);
        int rows = 37;
        int cols = 131;
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 3);
        }
        float[][] x = new float[3][cols];
        for (float[] vector : x) {
            for (int c = 0; c < cols; c++) {
                vector[c] = (float) random.nextGaussian();
            }
        }
        for (DenseElementType type : DenseElementType.values()) {
            BufferDenseMatrix m = BufferDenseMatrix.of(type, rows, cols, values);
            float[][] out = new float[x.length][rows];
            m.dotRows(3, rows, x, out);
            for (int b = 0; b < x.length; b++) {
                for (int r = 0; r < rows; r++) {
                    float expected = 0f;
                    if (r >= 3) {
                        for (int c = 0; c < cols; c++) {
                            expected += type.round(values[r * cols + c]) * x[b][c];
                        }
                    }
                    String where = type + " row " + r + " vector " + b;
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[b][r]), where);
                    if (r >= 3) {
                        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(m.dotRow(r, x[b])), where);
                    }
                }
            }
        }
    }

    @Test
    void readsEachElementTypeLittleEndianFromTheBufferPosition() {
        ByteBuffer bytes = ByteBuffer.allocate(3 + 6 * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.position(3);
        short[] halves = {0x3C00, (short) 0xC000, 0x3800, 0x0001, 0x7BFF, 0};
        for (short h : halves) {
            bytes.putShort(h);
        }
        bytes.position(3);
        BufferDenseMatrix m = new BufferDenseMatrix(DenseElementType.F16, bytes, 2, 3);
        assertEquals(1f, m.get(0, 0));
        assertEquals(-2f, m.get(0, 1));
        assertEquals(0.5f, m.get(0, 2));
        assertEquals(0x1p-24f, m.get(1, 0));
        assertEquals(65504f, m.get(1, 1));
        float[] row = new float[3];
        m.copyRow(1, row);
        assertArrayEquals(new float[] {0x1p-24f, 65504f, 0f}, row);
        assertEquals(1f * 2 + -2f * 3 + 0.5f * 4, m.dotRow(0, new float[] {2, 3, 4}));
    }

    @Test
    void storesValuesRoundedToItsType() {
        float[] values = {1.1f, -3.3f, 1e-8f, 70000f};
        for (DenseElementType type : DenseElementType.values()) {
            BufferDenseMatrix m = BufferDenseMatrix.of(type, 2, 2, values);
            for (int i = 0; i < 4; i++) {
                assertEquals(type.round(values[i]), m.get(i / 2, i % 2), type + " element " + i);
            }
        }
        assertEquals(Float.POSITIVE_INFINITY, BufferDenseMatrix.of(DenseElementType.F16, 1, 1, new float[] {70000f}).get(0, 0));
    }

    @Test
    void refusesABufferTooShortAndIndexesOutside() {
        assertThrows(IllegalArgumentException.class,
                () -> new BufferDenseMatrix(DenseElementType.F32, ByteBuffer.allocate(15), 2, 2));
        BufferDenseMatrix m = BufferDenseMatrix.of(DenseElementType.F32, 2, 2, new float[4]);
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, -1));
    }
}
