package dev.tern.bitnet.gguf;

import java.util.Arrays;

/**
 * One tensor of a GGUF file as its header describes it. {@code dimensions} are innermost first, as
 * GGUF stores them: a weight matrix of {@code out x in} has {@code dimensions = [in, out]}.
 * {@code offset} is relative to the start of the data section (as stored), {@code fileOffset}
 * absolute; {@code byteSize} follows from the type and shape.
 */
public record GgufTensorInfo(String name, GgmlType type, long[] dimensions, long offset, long fileOffset,
                             long byteSize) {
    public GgufTensorInfo {
        dimensions = dimensions.clone();
    }

    @Override
    public long[] dimensions() {
        return dimensions.clone();
    }

    public int dimensionCount() {
        return dimensions.length;
    }

    /** Dimension {@code i}, innermost first. */
    public long dimension(int i) {
        return dimensions[i];
    }

    public long elementCount() {
        long count = 1;
        for (long d : dimensions) {
            count *= d;
        }
        return count;
    }

    /** Row length: {@code dimensions[0]}. */
    public long rowLength() {
        return dimensions[0];
    }

    /** Number of rows: the product of all dimensions but the first. */
    public long rowCount() {
        return elementCount() / dimensions[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo t && t.name.equals(name) && t.type == type
                && Arrays.equals(t.dimensions, dimensions) && t.offset == offset && t.fileOffset == fileOffset
                && t.byteSize == byteSize;
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(dimensions);
    }

    @Override
    public String toString() {
        return "GgufTensorInfo[" + name + ", " + type + ", " + Arrays.toString(dimensions) + ", offset " + offset
                + ", " + byteSize + " bytes]";
    }
}
