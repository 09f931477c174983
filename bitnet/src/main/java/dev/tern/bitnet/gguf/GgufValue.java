package dev.tern.bitnet.gguf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One GGUF metadata value. Scalars keep their exact file type (a uint32 stays a uint32 when written
 * back); arrays hold primitive arrays, so a 128k-entry vocabulary costs no per-entry objects.
 * Integer values of every width are held in a {@code long}; a uint64 above 2^63 - 1 is held as its
 * 64 bits (negative), see {@link IntegerValue#unsignedString()}.
 */
public sealed interface GgufValue {
    /** The type as the file stores it ({@link GgufValueType#ARRAY} for arrays). */
    GgufValueType type();

    /** The type name for messages, e.g. {@code uint32} or {@code array of string}. */
    default String describe() {
        return type().displayName();
    }

    record IntegerValue(GgufValueType type, long value) implements GgufValue {
        public IntegerValue {
            checkInteger(type, value);
        }

        /** The value as an unsigned decimal for uint64, signed otherwise. */
        public String unsignedString() {
            return type == GgufValueType.UINT64 ? Long.toUnsignedString(value) : Long.toString(value);
        }
    }

    record FloatValue(GgufValueType type, double value) implements GgufValue {
        public FloatValue {
            checkFloat(type, value);
        }
    }

    record BoolValue(boolean value) implements GgufValue {
        @Override
        public GgufValueType type() {
            return GgufValueType.BOOL;
        }
    }

    record StringValue(String value) implements GgufValue {
        public StringValue {
            Objects.requireNonNull(value);
        }

        @Override
        public GgufValueType type() {
            return GgufValueType.STRING;
        }
    }

    /** An array value; its elements all have {@link #elementType()}. */
    sealed interface ArrayValue extends GgufValue {
        GgufValueType elementType();

        int size();

        @Override
        default GgufValueType type() {
            return GgufValueType.ARRAY;
        }

        @Override
        default String describe() {
            return "array of " + elementType().displayName();
        }
    }

    record IntegerArray(GgufValueType elementType, long[] values) implements ArrayValue {
        public IntegerArray {
            values = values.clone();
            for (long value : values) {
                checkInteger(elementType, value);
            }
        }

        @Override
        public long[] values() {
            return values.clone();
        }

        /** Element {@code index} without copying the array. */
        public long get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntegerArray a && a.elementType == elementType && Arrays.equals(a.values, values);
        }

        @Override
        public int hashCode() {
            return 31 * elementType.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "IntegerArray[" + elementType.displayName() + " x " + values.length + "]";
        }
    }

    record FloatArray(GgufValueType elementType, double[] values) implements ArrayValue {
        public FloatArray {
            values = values.clone();
            for (double value : values) {
                checkFloat(elementType, value);
            }
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public double get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FloatArray a && a.elementType == elementType && Arrays.equals(a.values, values);
        }

        @Override
        public int hashCode() {
            return 31 * elementType.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "FloatArray[" + elementType.displayName() + " x " + values.length + "]";
        }
    }

    record BoolArray(boolean[] values) implements ArrayValue {
        public BoolArray {
            values = values.clone();
        }

        @Override
        public boolean[] values() {
            return values.clone();
        }

        @Override
        public GgufValueType elementType() {
            return GgufValueType.BOOL;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BoolArray a && Arrays.equals(a.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "BoolArray[" + values.length + "]";
        }
    }

    record StringArray(List<String> values) implements ArrayValue {
        public StringArray {
            values = List.copyOf(values);
        }

        @Override
        public GgufValueType elementType() {
            return GgufValueType.STRING;
        }

        @Override
        public int size() {
            return values.size();
        }
    }

    /**
     * An array of arrays, which the GGUF specification allows. llama.cpp's reader rejects them, so
     * {@link GgufWriter} refuses to write them; the reader accepts them.
     */
    record NestedArray(List<ArrayValue> values) implements ArrayValue {
        public NestedArray {
            values = List.copyOf(values);
        }

        @Override
        public GgufValueType elementType() {
            return GgufValueType.ARRAY;
        }

        @Override
        public int size() {
            return values.size();
        }
    }

    static GgufValue uint8(int value) {
        return new IntegerValue(GgufValueType.UINT8, value);
    }

    static GgufValue int8(int value) {
        return new IntegerValue(GgufValueType.INT8, value);
    }

    static GgufValue uint16(int value) {
        return new IntegerValue(GgufValueType.UINT16, value);
    }

    static GgufValue int16(int value) {
        return new IntegerValue(GgufValueType.INT16, value);
    }

    static GgufValue uint32(long value) {
        return new IntegerValue(GgufValueType.UINT32, value);
    }

    static GgufValue int32(int value) {
        return new IntegerValue(GgufValueType.INT32, value);
    }

    /** A uint64 given as its 64 bits (values above 2^63 - 1 are negative longs). */
    static GgufValue uint64(long bits) {
        return new IntegerValue(GgufValueType.UINT64, bits);
    }

    static GgufValue int64(long value) {
        return new IntegerValue(GgufValueType.INT64, value);
    }

    static GgufValue float32(float value) {
        return new FloatValue(GgufValueType.FLOAT32, value);
    }

    static GgufValue float64(double value) {
        return new FloatValue(GgufValueType.FLOAT64, value);
    }

    static GgufValue bool(boolean value) {
        return new BoolValue(value);
    }

    static GgufValue string(String value) {
        return new StringValue(value);
    }

    static ArrayValue stringArray(List<String> values) {
        return new StringArray(values);
    }

    static ArrayValue int32Array(int... values) {
        return new IntegerArray(GgufValueType.INT32, Arrays.stream(values).asLongStream().toArray());
    }

    static ArrayValue uint32Array(long... values) {
        return new IntegerArray(GgufValueType.UINT32, values);
    }

    static ArrayValue float32Array(float... values) {
        double[] widened = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        return new FloatArray(GgufValueType.FLOAT32, widened);
    }

    private static void checkFloat(GgufValueType type, double value) {
        if (!type.isFloat()) {
            throw new IllegalArgumentException(type + " is not a float type");
        }
        if (type == GgufValueType.FLOAT32 && !Double.isNaN(value) && (float) value != value) {
            throw new IllegalArgumentException(value + " is not a float32 value");
        }
    }

    private static void checkInteger(GgufValueType type, long value) {
        if (!type.isInteger()) {
            throw new IllegalArgumentException(type + " is not an integer type");
        }
        if (type != GgufValueType.UINT64 && (value < type.minimum() || value > type.maximum())) {
            throw new IllegalArgumentException(value + " does not fit " + type.displayName());
        }
    }
}
