package dev.tern.bitnet.gguf;

import dev.tern.bitnet.codec.I2sCodec;
import dev.tern.bitnet.codec.TernaryCodec;
import dev.tern.bitnet.codec.Tq1Codec;
import dev.tern.bitnet.codec.Tq2Codec;
import dev.tern.bitnet.tensor.DenseElementType;

import java.util.Optional;

/**
 * Tensor types of GGUF files (ggml's {@code ggml_type} ids), with the block geometry that gives a
 * tensor's byte size, so that every tensor of a file can be located and bounds-checked even when
 * this project cannot decode its type. Decodable are F32, F16, BF16 (dense) and TQ1_0, TQ2_0,
 * I2_S (ternary).
 *
 * <p>Id 36 is bitnet.cpp's I2_S (its llama.cpp fork; upstream ggml never wrote 36 into files).
 * Ids above 36 mean different things in bitnet.cpp (I8_S, TL1, TL2) and upstream ggml (MXFP4), so
 * they are unknown here and a file holding them is refused.
 */
public enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q4_1(3, 32, 20),
    Q5_0(6, 32, 22),
    Q5_1(7, 32, 24),
    Q8_0(8, 32, 34),
    Q8_1(9, 32, 36),
    Q2_K(10, 256, 84),
    Q3_K(11, 256, 110),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210),
    Q8_K(15, 256, 292),
    IQ2_XXS(16, 256, 66),
    IQ2_XS(17, 256, 74),
    IQ3_XXS(18, 256, 98),
    IQ1_S(19, 256, 50),
    IQ4_NL(20, 32, 18),
    IQ3_S(21, 256, 110),
    IQ2_S(22, 256, 82),
    IQ4_XS(23, 256, 136),
    I8(24, 1, 1),
    I16(25, 1, 2),
    I32(26, 1, 4),
    I64(27, 1, 8),
    F64(28, 1, 8),
    IQ1_M(29, 256, 56),
    BF16(30, 1, 2),
    Q4_0_4_4(31, 32, 18),
    Q4_0_4_8(32, 32, 18),
    Q4_0_8_8(33, 32, 18),
    TQ1_0(34, Tq1Codec.BLOCK_WEIGHTS, Tq1Codec.BLOCK_BYTES),
    TQ2_0(35, Tq2Codec.BLOCK_WEIGHTS, Tq2Codec.BLOCK_BYTES),
    /** Sized as bitnet.cpp sizes it: {@code elements / 4 + 32} bytes for the whole tensor. */
    I2_S(36, 1, 1);

    private static final GgmlType[] BY_ID = new GgmlType[37];

    static {
        for (GgmlType type : values()) {
            BY_ID[type.id] = type;
        }
    }

    private final int id;
    private final int blockSize;
    private final int blockBytes;

    GgmlType(int id, int blockSize, int blockBytes) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    public int id() {
        return id;
    }

    /** Weights per block; a row ({@code ne[0]}) must hold a whole number of blocks. */
    public int blockSize() {
        return blockSize;
    }

    public int blockBytes() {
        return blockBytes;
    }

    public static Optional<GgmlType> byId(long id) {
        return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[(int) id]) : Optional.empty();
    }

    /**
     * The bytes a tensor of {@code elements} elements occupies, or -1 when that overflows a long.
     * The caller has checked that rows hold whole blocks.
     */
    public long byteSize(long elements) {
        if (this == I2_S) {
            return elements / 4 + I2sCodec.TRAILER_BYTES;
        }
        long blocks = elements / blockSize;
        return blocks > Long.MAX_VALUE / blockBytes ? -1 : blocks * blockBytes;
    }

    /** The ternary codec of TQ1_0, TQ2_0 and I2_S. */
    public Optional<TernaryCodec> ternaryCodec() {
        return switch (this) {
            case TQ1_0 -> Optional.of(new Tq1Codec());
            case TQ2_0 -> Optional.of(new Tq2Codec());
            case I2_S -> Optional.of(new I2sCodec());
            default -> Optional.empty();
        };
    }

    /** The dense element type of F32, F16 and BF16. */
    public Optional<DenseElementType> denseType() {
        return switch (this) {
            case F32 -> Optional.of(DenseElementType.F32);
            case F16 -> Optional.of(DenseElementType.F16);
            case BF16 -> Optional.of(DenseElementType.BF16);
            default -> Optional.empty();
        };
    }

    /** The GGUF type storing {@code type}. */
    public static GgmlType of(DenseElementType type) {
        return switch (type) {
            case F32 -> F32;
            case F16 -> F16;
            case BF16 -> BF16;
        };
    }
}
