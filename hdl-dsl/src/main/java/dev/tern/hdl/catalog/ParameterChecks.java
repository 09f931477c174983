package dev.tern.hdl.catalog;

/**
 * Range checks for generator arguments, shared by the designs so that every out-of-range value is
 * reported the same way: {@code fifo: depth must be a power of two from 2 to 65536, got 12}.
 * The designs call them in their constructors, so a design built from Java gets the same checks as
 * one built from the command line.
 */
public final class ParameterChecks {
    private ParameterChecks() {
    }

    /** Returns {@code value} if it lies in {@code min..max}. */
    public static int inRange(String design, String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(design + ": " + parameter + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is a power of two in {@code min..max}. */
    public static int powerOfTwo(String design, String parameter, int value, int min, int max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            throw new ParameterException(design + ": " + parameter + " must be a power of two from " + min + " to " + max
                    + ", got " + value);
        }
        return value;
    }
}
