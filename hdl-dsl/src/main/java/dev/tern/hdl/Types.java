package dev.tern.hdl;

import dev.tern.hdl.ir.HwType;

/** Type constructors for code outside a component (e.g. generator helpers): {@code uint(8)}, {@code sint(16)}, {@code bool()}. */
public final class Types {
    private Types() {
    }

    public static HwType uint(int width) {
        return make(width, false);
    }

    public static HwType sint(int width) {
        return make(width, true);
    }

    public static HwType bool() {
        return HwType.bool();
    }

    /** Bits needed to hold the numbers 0..{@code maxValue}. */
    public static int bitsFor(long maxValue) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(maxValue));
    }

    private static HwType make(int width, boolean signed) {
        if (width < 1 || width > HwType.MAX_WIDTH) {
            throw new HdlException(SourceLocator.caller(), "width must be 1.." + HwType.MAX_WIDTH + ", got " + width);
        }
        return signed ? HwType.sint(width) : HwType.uint(width);
    }
}
