package dev.tern.synth.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SVG scatter plot with log-scaled axes: every point as a circle with its label in a tooltip, the
 * Pareto front as a line through its points, and optional reference lines (published figures).
 */
public final class ScatterChart {
    /** A labelled point; {@code front} marks the points the line joins. */
    public record Point(String label, double x, double y, boolean front) {
    }

    /** A horizontal or vertical line at a value, with its label. */
    public record Reference(String label, double value, boolean vertical) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final double LEFT = 80;
    private static final double RIGHT = 620;
    private static final double TOP = 40;
    private static final double BOTTOM = 340;

    private ScatterChart() {
    }

    public static String svg(String title, String xTitle, String yTitle, List<Point> points, List<Reference> references) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        points.forEach(p -> {
            xs.add(p.x());
            ys.add(p.y());
        });
        references.forEach(r -> (r.vertical() ? xs : ys).add(r.value()));
        LogScale x = LogScale.over(xs, LEFT, RIGHT);
        LogScale y = LogScale.over(ys, BOTTOM, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">\n");
        svg.append(text(LEFT, 22, "title", title));
        axes(svg, x, y, xTitle, yTitle);
        for (Reference r : references) {
            double at = r.vertical() ? x.position(r.value()) : y.position(r.value());
            svg.append(r.vertical()
                    ? line(at, TOP, at, BOTTOM, "reference")
                    : line(LEFT, at, RIGHT, at, "reference"));
            svg.append(r.vertical() ? text(at + 4, TOP + 12, "reference-label", r.label()) : text(LEFT + 4, at - 4, "reference-label", r.label()));
        }
        List<Point> front = points.stream().filter(Point::front).sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
        if (front.size() > 1) {
            svg.append("<polyline class=\"front\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" points=\"");
            for (Point p : front) {
                svg.append(px(x.position(p.x()))).append(',').append(px(y.position(p.y()))).append(' ');
            }
            svg.append("\"/>\n");
        }
        for (Point p : points) {
            svg.append("<circle cx=\"").append(px(x.position(p.x()))).append("\" cy=\"").append(px(y.position(p.y())))
                    .append("\" r=\"5\" fill=\"").append(p.front() ? "#d62728" : "#1f77b4").append("\"><title>")
                    .append(escape(p.label())).append("</title></circle>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, LogScale x, LogScale y, String xTitle, String yTitle) {
        svg.append(line(LEFT, BOTTOM, RIGHT, BOTTOM, "axis")).append(line(LEFT, TOP, LEFT, BOTTOM, "axis"));
        for (double tick : x.ticks()) {
            svg.append(line(x.position(tick), BOTTOM, x.position(tick), BOTTOM + 5, "axis"));
            svg.append(text(x.position(tick) - 12, BOTTOM + 18, "tick", number(tick)));
        }
        for (double tick : y.ticks()) {
            svg.append(line(LEFT - 5, y.position(tick), LEFT, y.position(tick), "axis"));
            svg.append(text(8, y.position(tick) + 4, "tick", number(tick)));
        }
        svg.append(text((LEFT + RIGHT) / 2 - 60, BOTTOM + 40, "axis-title", xTitle + " (log scale)"));
        svg.append("<text class=\"axis-title\" transform=\"translate(14 ").append(px((TOP + BOTTOM) / 2 + 60))
                .append(") rotate(-90)\">").append(escape(yTitle + " (log scale)")).append("</text>\n");
    }

    /** Maps positive values to pixels on a log10 scale padded to whole decades' halves. */
    private record LogScale(double lowLog, double highLog, double from, double to) {
        static LogScale over(List<Double> values, double from, double to) {
            double low = values.stream().filter(v -> v > 0).mapToDouble(Math::log10).min().orElse(0);
            double high = values.stream().filter(v -> v > 0).mapToDouble(Math::log10).max().orElse(1);
            if (high - low < 0.5) {
                low -= 0.25;
                high += 0.25;
            }
            double pad = (high - low) * 0.08;
            return new LogScale(low - pad, high + pad, from, to);
        }

        double position(double value) {
            double log = Math.log10(Math.max(value, 1e-300));
            return from + (log - lowLog) / (highLog - lowLog) * (to - from);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (int decade = (int) Math.floor(lowLog); decade <= Math.ceil(highLog); decade++) {
                for (int m : new int[] {1, 2, 5}) {
                    double tick = m * Math.pow(10, decade);
                    double log = Math.log10(tick);
                    if (log >= lowLog && log <= highLog) {
                        ticks.add(tick);
                    }
                }
            }
            return ticks;
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        String style = cls.equals("reference") ? " stroke=\"#2ca02c\" stroke-dasharray=\"6 4\"" : " stroke=\"#333\"";
        return "<line class=\"" + cls + "\" x1=\"" + px(x1) + "\" y1=\"" + px(y1) + "\" x2=\"" + px(x2) + "\" y2=\"" + px(y2) + "\"" + style + "/>\n";
    }

    private static String text(double x, double y, String cls, String content) {
        return "<text class=\"" + cls + "\" x=\"" + px(x) + "\" y=\"" + px(y) + "\">" + escape(content) + "</text>\n";
    }

    static String number(double value) {
        if (value >= 1e6 || value < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 1 ? "%.3g" : "%.3g", value);
    }

    private static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
