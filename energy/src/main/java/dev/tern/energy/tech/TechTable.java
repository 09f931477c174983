package dev.tern.energy.tech;

import dev.tern.energy.EnergyModelException;
import dev.tern.energy.count.OpType;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A technology table: energy per arithmetic operation, per SRAM access, per register bit and per
 * DRAM bit for one process node, each number with its provenance.
 *
 * <p>Two rules fill the gaps between table points, and they are defined here only:
 * <ul>
 *   <li><b>Integer widths.</b> An integer add or multiply of a width the table lists costs what
 *       the table says. Between two listed widths of the same operation the energy is interpolated
 *       linearly in bits; outside the listed range it scales in proportion to the bits from the
 *       nearest listed width (an n-bit ripple adder is n full-adder cells). Floating-point
 *       operations must be listed exactly.</li>
 *   <li><b>SRAM capacity.</b> Energy per bit accessed is the table's access energy divided by its
 *       access width. Between two listed capacities it is interpolated linearly in log2(capacity);
 *       below the smallest it is that of the smallest (sense amplifiers and periphery do not
 *       shrink with the array); above the largest it grows with the square root of capacity, the
 *       wire-length law the listed points follow (8 KB to 32 KB doubles the energy).</li>
 * </ul>
 *
 * @param origin where the table was read from (a file path or a built-in resource name)
 */
public record TechTable(
        String name,
        String description,
        String origin,
        List<ArithmeticEntry> arithmetic,
        List<SramEntry> sram,
        RegisterEntry register,
        List<DramEntry> dram) {

    public TechTable {
        arithmetic = List.copyOf(arithmetic);
        sram = sram.stream().sorted(Comparator.comparingLong(SramEntry::capacityBytes)).toList();
        dram = List.copyOf(dram);
    }

    /** Energy of one operation in picojoules, by the integer-width rule where the width is not listed. */
    public double picojoules(OpType op) {
        List<ArithmeticEntry> sameOp = arithmetic.stream()
                .filter(e -> e.op().kind() == op.kind() && e.op().format() == op.format())
                .sorted(Comparator.comparingInt(e -> e.op().bits()))
                .toList();
        for (ArithmeticEntry entry : sameOp) {
            if (entry.op().bits() == op.bits()) {
                return entry.picojoules();
            }
        }
        if (op.format() == OpType.Format.FP || sameOp.isEmpty()) {
            throw new EnergyModelException("tech table " + name + " (" + origin + "): no entry for " + op.label());
        }
        ArithmeticEntry lower = null;
        ArithmeticEntry upper = null;
        for (ArithmeticEntry entry : sameOp) {
            if (entry.op().bits() < op.bits()) {
                lower = entry;
            } else if (upper == null) {
                upper = entry;
            }
        }
        if (lower != null && upper != null) {
            double fraction = (double) (op.bits() - lower.op().bits()) / (upper.op().bits() - lower.op().bits());
            return lower.picojoules() + fraction * (upper.picojoules() - lower.picojoules());
        }
        ArithmeticEntry nearest = lower != null ? lower : upper;
        return nearest.picojoules() * op.bits() / nearest.op().bits();
    }

    /** Energy per bit read or written in an SRAM of the given capacity, by the capacity rule. */
    public double sramPicojoulesPerBit(long capacityBytes) {
        if (sram.isEmpty()) {
            throw new EnergyModelException("tech table " + name + " (" + origin + "): no SRAM entries");
        }
        if (capacityBytes <= 0) {
            throw new EnergyModelException("SRAM capacity must be positive: " + capacityBytes + " bytes");
        }
        SramEntry first = sram.get(0);
        if (capacityBytes <= first.capacityBytes()) {
            return first.picojoulesPerBit();
        }
        for (int i = 1; i < sram.size(); i++) {
            SramEntry lower = sram.get(i - 1);
            SramEntry upper = sram.get(i);
            if (capacityBytes <= upper.capacityBytes()) {
                double fraction = log2((double) capacityBytes / lower.capacityBytes())
                        / log2((double) upper.capacityBytes() / lower.capacityBytes());
                return lower.picojoulesPerBit() + fraction * (upper.picojoulesPerBit() - lower.picojoulesPerBit());
            }
        }
        SramEntry last = sram.get(sram.size() - 1);
        return last.picojoulesPerBit() * Math.sqrt((double) capacityBytes / last.capacityBytes());
    }

    public double registerPicojoulesPerBit() {
        return register.picojoulesPerBit();
    }

    /** The DRAM entry of a memory type, matched without regard to case. */
    public DramEntry dram(String type) {
        for (DramEntry entry : dram) {
            if (entry.type().equalsIgnoreCase(type)) {
                return entry;
            }
        }
        throw new EnergyModelException("tech table " + name + " (" + origin + "): unknown DRAM type '" + type
                + "', known: " + dram.stream().map(DramEntry::type).collect(Collectors.joining(", ")));
    }

    /**
     * The arithmetic-only ratio of the BitNet paper: one FP16 multiply plus one FP16 add per weight
     * against one INT8 add per ternary weight.
     */
    public double paperArithmeticRatio() {
        return (picojoules(OpType.fpMul(16)) + picojoules(OpType.fpAdd(16))) / picojoules(OpType.intAdd(8));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s)", name, origin);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
