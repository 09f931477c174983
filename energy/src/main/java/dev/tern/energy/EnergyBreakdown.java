package dev.tern.energy;

import java.util.List;

/** Energy by component, in picojoules. */
public record EnergyBreakdown(double arithmetic, double registers, double sram, double dram) {

    public static final EnergyBreakdown ZERO = new EnergyBreakdown(0, 0, 0, 0);

    /** Component names in report order, as used for JSON keys and CSV columns. */
    public static final List<String> COMPONENTS = List.of("arithmetic", "registers", "sram", "dram");

    public double total() {
        return arithmetic + registers + sram + dram;
    }

    public EnergyBreakdown plus(EnergyBreakdown other) {
        return new EnergyBreakdown(arithmetic + other.arithmetic, registers + other.registers, sram + other.sram,
                dram + other.dram);
    }

    public EnergyBreakdown times(double factor) {
        return new EnergyBreakdown(arithmetic * factor, registers * factor, sram * factor, dram * factor);
    }

    /** A component by its name in {@link #COMPONENTS}. */
    public double component(String name) {
        return switch (name) {
            case "arithmetic" -> arithmetic;
            case "registers" -> registers;
            case "sram" -> sram;
            case "dram" -> dram;
            default -> throw new IllegalArgumentException("unknown energy component " + name);
        };
    }
}
