package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryWeight;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * Test oracles: the element orders of ggml (TQ1_0, TQ2_0), bitnet.cpp (I2_S) and transformers
 * (packed U8) written as those projects' loops run, one element at a time, so that the codecs'
 * word-level transposes are checked against a plain reading of the formats.
 */
final class ReferenceLayouts {
    private ReferenceLayouts() {
    }

    static TernaryWeight randomWeight(Random random, int rows, int cols, float scale) {
        byte[] trits = new byte[rows * cols];
        for (int i = 0; i < trits.length; i++) {
            trits[i] = (byte) (random.nextInt(3) - 1);
        }
        return new TernaryWeight(PackedTernaryMatrix.fromTrits(rows, cols, trits), scale);
    }

    /** Trits in row-major order, in the plainest form. */
    static int[] trits(PackedTernaryMatrix matrix) {
        int[] trits = new int[matrix.rows() * matrix.cols()];
        for (int r = 0; r < matrix.rows(); r++) {
            for (int c = 0; c < matrix.cols(); c++) {
                trits[r * matrix.cols() + c] = matrix.trit(r, c);
            }
        }
        return trits;
    }

    /** TQ2_0 trits, following dequantize_row_tq2_0's loop nest. */
    static int[] dequantizeTq2(ByteBuffer data, int elements) {
        int[] y = new int[elements];
        int next = 0;
        for (int block = 0; block < elements / 256; block++) {
            int qs = block * 66;
            for (int j = 0; j < 64; j += 32) {
                for (int l = 0; l < 4; l++) {
                    for (int m = 0; m < 32; m++) {
                        y[next++] = ((data.get(qs + j + m) >> (l * 2)) & 3) - 1;
                    }
                }
            }
        }
        return y;
    }

    /** TQ1_0 trits, following dequantize_row_tq1_0's loop nest. */
    static int[] dequantizeTq1(ByteBuffer data, int elements) {
        int[] pow3 = {1, 3, 9, 27, 81, 243};
        int[] y = new int[elements];
        int next = 0;
        for (int block = 0; block < elements / 256; block++) {
            int qs = block * 54;
            int qh = qs + 48;
            for (int j = 0; j < 32; j += 32) {
                for (int n = 0; n < 5; n++) {
                    for (int m = 0; m < 32; m++) {
                        int q = (data.get(qs + j + m) & 0xFF) * pow3[n] & 0xFF;
                        y[next++] = ((q * 3) >> 8) - 1;
                    }
                }
            }
            for (int j = 32; j < 48; j += 16) {
                for (int n = 0; n < 5; n++) {
                    for (int m = 0; m < 16; m++) {
                        int q = (data.get(qs + j + m) & 0xFF) * pow3[n] & 0xFF;
                        y[next++] = ((q * 3) >> 8) - 1;
                    }
                }
            }
            for (int n = 0; n < 4; n++) {
                for (int j = 0; j < 4; j++) {
                    int q = (data.get(qh + j) & 0xFF) * pow3[n] & 0xFF;
                    y[next++] = ((q * 3) >> 8) - 1;
                }
            }
        }
        return y;
    }

    /** TQ1_0 bytes for row-major trits, following quantize_row_tq1_0_ref's loops (scale written as given). */
    static ByteBuffer quantizeTq1(int[] trits, short scale) {
        int blocks = trits.length / 256;
        ByteBuffer out = ByteBuffer.allocate(blocks * 54).order(ByteOrder.LITTLE_ENDIAN);
        for (int block = 0; block < blocks; block++) {
            int x = block * 256;
            int base = block * 54;
            for (int m = 0; m < 32; m++) {
                int q = 0;
                for (int n = 0; n < 5; n++) {
                    q = q * 3 + trits[x + m + n * 32] + 1;
                }
                out.put(base + m, (byte) ((q * 256 + 242) / 243));
            }
            x += 160;
            for (int m = 0; m < 16; m++) {
                int q = 0;
                for (int n = 0; n < 5; n++) {
                    q = q * 3 + trits[x + m + n * 16] + 1;
                }
                out.put(base + 32 + m, (byte) ((q * 256 + 242) / 243));
            }
            x += 80;
            for (int j = 0; j < 4; j++) {
                int q = 0;
                for (int m = 0; m < 4; m++) {
                    q = q * 3 + trits[x + j + m * 4] + 1;
                }
                q *= 3;
                out.put(base + 48 + j, (byte) ((q * 256 + 242) / 243));
            }
            out.putShort(base + 52, scale);
        }
        return out;
    }

    /** I2_S bytes for row-major trits, following bitnet.cpp's quantize_i2_s (x86, ACT_PARALLEL). */
    static ByteBuffer quantizeI2s(int[] trits, float scale) {
        int n = trits.length;
        ByteBuffer out = ByteBuffer.allocate(n / 4 + 32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n / 128; i++) {
            for (int j = 0; j < 128; j++) {
                int groupIndex = j / 32;
                int groupPosition = j % 32;
                int code = trits[i * 128 + j] + 1;
                int at = i * 32 + groupPosition;
                out.put(at, (byte) (out.get(at) | code << (6 - 2 * groupIndex)));
            }
        }
        out.putFloat(n / 4, scale);
        return out;
    }

    /** transformers' pack_weights for an [out, in] trit matrix with out a multiple of 4. */
    static byte[] packHf(int[] trits, int out, int in) {
        int rowDim = out / 4;
        byte[] packed = new byte[rowDim * in];
        for (int i = 0; i < 4; i++) {
            for (int r = 0; r < rowDim; r++) {
                for (int c = 0; c < in; c++) {
                    int code = trits[(i * rowDim + r) * in + c] + 1;
                    packed[r * in + c] |= (byte) (code << (2 * i));
                }
            }
        }
        return packed;
    }
}
