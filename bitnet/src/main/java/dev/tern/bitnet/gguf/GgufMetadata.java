package dev.tern.bitnet.gguf;

import dev.tern.bitnet.codec.ModelFormatException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key/value metadata of a GGUF file, in file order, with typed access. A getter whose key is
 * missing or holds another type throws a {@link ModelFormatException} naming the file, the key,
 * the expected and the actual type, e.g.
 * {@code model.gguf: metadata key 'bitnet.block_count': expected an integer, found string}.
 *
 * <p>Integer getters accept every GGUF integer type whose value fits the Java type, because
 * writers differ (gguf-py writes uint32 where the specification suggests uint64).
 */
public final class GgufMetadata {
    private final String file;
    private final Map<String, GgufValue> values;

    /** @param values in file order; copied */
    public GgufMetadata(String file, Map<String, GgufValue> values) {
        this.file = file;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** All entries in file order. */
    public Map<String, GgufValue> asMap() {
        return values;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<GgufValue> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public GgufValue get(String key) {
        GgufValue value = values.get(key);
        if (value == null) {
            throw error(key, "is missing");
        }
        return value;
    }

    public String getString(String key) {
        if (get(key) instanceof GgufValue.StringValue s) {
            return s.value();
        }
        throw wrongType(key, "string");
    }

    public boolean getBoolean(String key) {
        if (get(key) instanceof GgufValue.BoolValue b) {
            return b.value();
        }
        throw wrongType(key, "bool");
    }

    public int getInt(String key) {
        long value = getLong(key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error(key, "value " + value + " does not fit a 32-bit int");
        }
        return (int) value;
    }

    public long getLong(String key) {
        if (get(key) instanceof GgufValue.IntegerValue i) {
            if (i.type() == GgufValueType.UINT64 && i.value() < 0) {
                throw error(key, "value " + i.unsignedString() + " does not fit a 64-bit signed long");
            }
            return i.value();
        }
        throw wrongType(key, "an integer");
    }

    /** A float32 value, or a float64 value rounded to float. */
    public float getFloat(String key) {
        return (float) getDouble(key);
    }

    public double getDouble(String key) {
        if (get(key) instanceof GgufValue.FloatValue f) {
            return f.value();
        }
        throw wrongType(key, "float32 or float64");
    }

    public List<String> getStringArray(String key) {
        if (get(key) instanceof GgufValue.StringArray a) {
            return a.values();
        }
        throw wrongType(key, "array of string");
    }

    /** An array of float32 (or float64, rounded) as floats. */
    public float[] getFloatArray(String key) {
        if (get(key) instanceof GgufValue.FloatArray a) {
            float[] result = new float[a.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = (float) a.get(i);
            }
            return result;
        }
        throw wrongType(key, "array of float32 or float64");
    }

    /** An array of any integer type whose elements all fit an int. */
    public int[] getIntArray(String key) {
        GgufValue.IntegerArray array = integerArray(key);
        int[] result = new int[array.size()];
        for (int i = 0; i < result.length; i++) {
            long value = array.get(i);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw error(key, "element " + i + " = " + value + " does not fit a 32-bit int");
            }
            result[i] = (int) value;
        }
        return result;
    }

    /** An array of any integer type; uint64 elements above 2^63 - 1 are an error. */
    public long[] getLongArray(String key) {
        GgufValue.IntegerArray array = integerArray(key);
        long[] result = array.values();
        if (array.elementType() == GgufValueType.UINT64) {
            for (int i = 0; i < result.length; i++) {
                if (result[i] < 0) {
                    throw error(key, "element " + i + " = " + Long.toUnsignedString(result[i])
                            + " does not fit a 64-bit signed long");
                }
            }
        }
        return result;
    }

    private GgufValue.IntegerArray integerArray(String key) {
        if (get(key) instanceof GgufValue.IntegerArray a) {
            return a;
        }
        throw wrongType(key, "array of an integer type");
    }

    private ModelFormatException wrongType(String key, String expected) {
        return error(key, "expected " + expected + ", found " + values.get(key).describe());
    }

    private ModelFormatException error(String key, String problem) {
        return ModelFormatException.of(file, "metadata key '" + key + "'", problem, ModelFormatException.NO_OFFSET);
    }

    @Override
    public String toString() {
        return "GgufMetadata[" + file + ", " + values.size() + " keys]";
    }
}
