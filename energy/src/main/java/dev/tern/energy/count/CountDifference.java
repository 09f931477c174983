package dev.tern.energy.count;

/** One count on which two {@link ActionCounts} disagree, named by its field ({@code datapath.int9 add}). */
public record CountDifference(String field, long expected, long actual) {

    /** Whether the field is an arithmetic count, the part analytic and simulated counts must match exactly. */
    public boolean isArithmetic() {
        return field.startsWith(ActionCounts.DATAPATH + ".") || field.startsWith(ActionCounts.ACCUMULATOR + ".");
    }

    @Override
    public String toString() {
        return field + ": expected " + expected + ", got " + actual;
    }
}
