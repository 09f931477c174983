package dev.tern.bitnet.safetensors;

import java.util.Arrays;

/**
 * One tensor of a safetensors file as its header describes it: {@code shape} outermost first (a
 * PyTorch weight {@code [out, in]}), {@code begin}/{@code end} the header's {@code data_offsets}
 * (relative to the data section), {@code fileOffset} the absolute offset of the first byte.
 */
public record SafetensorsTensorInfo(String name, SafetensorsDtype dtype, long[] shape, long begin, long end,
                                    long fileOffset) {
    public SafetensorsTensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long byteSize() {
        return end - begin;
    }

    public long elementCount() {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafetensorsTensorInfo t && t.name.equals(name) && t.dtype == dtype
                && Arrays.equals(t.shape, shape) && t.begin == begin && t.end == end && t.fileOffset == fileOffset;
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "SafetensorsTensorInfo[" + name + ", " + dtype + ", " + Arrays.toString(shape) + ", [" + begin + ", "
                + end + ")]";
    }
}
