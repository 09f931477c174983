package dev.tern.energy.report;

import java.util.ArrayList;
import java.util.List;

/** A value axis mapped onto pixels, linear from zero or logarithmic, with readable tick values. */
final class Axis {

    private final boolean logarithmic;
    private final double min;
    private final double max;
    private final List<Double> ticks;

    private Axis(boolean logarithmic, double min, double max, List<Double> ticks) {
        this.logarithmic = logarithmic;
        this.min = min;
        this.max = max;
        this.ticks = List.copyOf(ticks);
    }

    /** A linear axis from zero to a round number at or above {@code maxValue}, about five ticks. */
    static Axis linearFromZero(double maxValue) {
        double top = maxValue > 0 ? maxValue : 1;
        double step = niceStep(top / 5);
        List<Double> ticks = new ArrayList<>();
        int count = (int) Math.ceil(top / step - 1e-9);
        for (int i = 0; i <= count; i++) {
            ticks.add(i * step);
        }
        return new Axis(false, 0, count * step, ticks);
    }

    /** A log10 axis covering [minValue, maxValue] in whole decades, ticks at 1, 2 and 5 per decade. */
    static Axis logarithmic(double minValue, double maxValue) {
        double low = Math.pow(10, Math.floor(Math.log10(minValue)));
        double high = Math.pow(10, Math.ceil(Math.log10(maxValue)));
        if (high <= low) {
            high = low * 10;
        }
        List<Double> ticks = new ArrayList<>();
        for (double decade = low; decade < high * 1.0001; decade *= 10) {
            for (double multiple : new double[] {1, 2, 5}) {
                double tick = decade * multiple;
                if (tick <= high * 1.0001) {
                    ticks.add(tick);
                }
            }
        }
        return new Axis(true, low, high, ticks);
    }

    /** Position in [0, 1] along the axis. */
    double fraction(double value) {
        if (logarithmic) {
            return (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (value - min) / (max - min);
    }

    List<Double> ticks() {
        return ticks;
    }

    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double normalised = rough / magnitude;
        double nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
