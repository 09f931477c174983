package dev.tern.bitnet.tensor;

import java.nio.ByteBuffer;

/**
 * The storage types of full-precision tensors in model files: 32-bit float, fp16 ({@link Half})
 * and bfloat16 ({@link BFloat16}), all little-endian. Reads and writes use absolute element
 * indexes, so a buffer can be shared.
 */
public enum DenseElementType {
    F32(4) {
        @Override
        public float read(ByteBuffer littleEndian, int element) {
            return littleEndian.getFloat(element * 4);
        }

        @Override
        public void write(ByteBuffer littleEndian, int element, float value) {
            littleEndian.putFloat(element * 4, value);
        }

        @Override
        public float round(float value) {
            return value;
        }
    },
    F16(2) {
        @Override
        public float read(ByteBuffer littleEndian, int element) {
            return Half.toFloat(littleEndian.getShort(element * 2));
        }

        @Override
        public void write(ByteBuffer littleEndian, int element, float value) {
            littleEndian.putShort(element * 2, Half.fromFloat(value));
        }

        @Override
        public float round(float value) {
            return Half.round(value);
        }
    },
    BF16(2) {
        @Override
        public float read(ByteBuffer littleEndian, int element) {
            return BFloat16.toFloat(littleEndian.getShort(element * 2));
        }

        @Override
        public void write(ByteBuffer littleEndian, int element, float value) {
            littleEndian.putShort(element * 2, BFloat16.fromFloat(value));
        }

        @Override
        public float round(float value) {
            return BFloat16.round(value);
        }
    };

    private final int bytes;

    DenseElementType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Element {@code element} of a little-endian buffer whose index 0 is element 0. */
    public abstract float read(ByteBuffer littleEndian, int element);

    /** Stores {@code value}, rounded to this type, as element {@code element}. */
    public abstract void write(ByteBuffer littleEndian, int element, float value);

    /** {@code value} as this type stores it. */
    public abstract float round(float value);
}
