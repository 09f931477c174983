package dev.tern.bitnet.safetensors;

import dev.tern.bitnet.tensor.DenseElementType;

import java.util.Optional;

/**
 * The element types a safetensors header names ({@code "dtype"}), with their sizes, so every
 * tensor of a file can be size-checked even when this project does not decode its type. Decoded
 * are F32, F16, BF16 (dense) and U8/I8 (raw bytes, the packed ternary layout).
 */
public enum SafetensorsDtype {
    BOOL(1), U8(1), I8(1), F8_E5M2(1), F8_E4M3(1),
    I16(2), U16(2), F16(2), BF16(2),
    I32(4), U32(4), F32(4),
    I64(8), U64(8), F64(8);

    private final int bytes;

    SafetensorsDtype(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** The dtype spelled as in a header, if it is one. */
    public static Optional<SafetensorsDtype> parse(String name) {
        for (SafetensorsDtype dtype : values()) {
            if (dtype.name().equals(name)) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }

    public Optional<DenseElementType> denseType() {
        return switch (this) {
            case F32 -> Optional.of(DenseElementType.F32);
            case F16 -> Optional.of(DenseElementType.F16);
            case BF16 -> Optional.of(DenseElementType.BF16);
            default -> Optional.empty();
        };
    }

    public static SafetensorsDtype of(DenseElementType type) {
        return switch (type) {
            case F32 -> F32;
            case F16 -> F16;
            case BF16 -> BF16;
        };
    }
}
