package dev.tern.energy.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How every human-readable report writes energies and ratios, so that the formats agree. */
public final class Numbers {

    /** An SI unit of energy and its size in picojoules. */
    record EnergyUnit(String symbol, double picojoules) {
    }

    private static final EnergyUnit[] UNITS = {
        new EnergyUnit("pJ", 1), new EnergyUnit("nJ", 1e3), new EnergyUnit("µJ", 1e6),
        new EnergyUnit("mJ", 1e9), new EnergyUnit("J", 1e12),
    };

    private Numbers() {
    }

    /** The largest unit in which {@code picojoules} is at least 1 (pJ for anything smaller). */
    static EnergyUnit unitFor(double picojoules) {
        EnergyUnit chosen = UNITS[0];
        for (EnergyUnit unit : UNITS) {
            if (Math.abs(picojoules) >= unit.picojoules()) {
                chosen = unit;
            }
        }
        return chosen;
    }

    /** An energy with four significant digits in a fitting unit: {@code 83.36 mJ}. */
    public static String energy(double picojoules) {
        EnergyUnit unit = unitFor(picojoules);
        return significant(picojoules / unit.picojoules(), 4) + " " + unit.symbol();
    }

    /** A ratio with two decimals: {@code 7.66x}. */
    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    static String significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** A count with thousands separators, for tables of action counts. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
