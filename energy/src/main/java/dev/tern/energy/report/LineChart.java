package dev.tern.energy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart over categorical x positions (model sizes, lane counts) with a logarithmic value
 * axis, for ratios or energies. Missing values (null) leave gaps; a {@link Style#POINTS} series
 * draws markers only (published figures). Each series is one
 * {@code <g class="series" data-series="key">}.
 */
record LineChart(String id, String title, String xTitle, String valueTitle, List<String> xLabels, List<Line> lines,
        ValueKind valueKind) {

    enum Style { SOLID, DASHED, POINTS }

    enum ValueKind { RATIO, ENERGY }

    record Line(String key, String label, String color, Style style, List<Double> values) {
    }

    private static final int WIDTH = 720;
    private static final int PLOT_HEIGHT = 300;
    private static final int LEGEND_ROW = 20;

    String render() {
        int legendRows = lines.size();
        int height = 48 + PLOT_HEIGHT + 56 + legendRows * LEGEND_ROW + 12;
        ChartFrame frame = new ChartFrame(id, WIDTH, height, 96, 48, WIDTH - 32, 48 + PLOT_HEIGHT);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Line line : lines) {
            for (Double value : line.values()) {
                if (value != null) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        double scale = 1;
        String axisTitle = valueTitle;
        if (valueKind == ValueKind.ENERGY) {
            Numbers.EnergyUnit unit = Numbers.unitFor(min);
            scale = unit.picojoules();
            axisTitle = valueTitle + " (" + unit.symbol() + ")";
        }
        Axis axis = Axis.logarithmic(min / scale, max / scale);
        StringBuilder svg = new StringBuilder();
        frame.open(svg, title, "Lines: " + String.join(", ", lines.stream().map(Line::label).toList()) + "; x: "
                + String.join(", ", xLabels));
        frame.valueAxis(svg, axis, tick -> Numbers.significant(tick, 3) + (valueKind == ValueKind.RATIO ? "×" : ""),
                axisTitle);
        double step = frame.plotWidth() / xLabels.size();
        for (int i = 0; i < xLabels.size(); i++) {
            frame.categoryLabel(svg, x(frame, step, i), xLabels.get(i));
        }
        frame.categoryAxisTitle(svg, xTitle);
        for (Line line : lines) {
            svg.append("<g class=\"series\" data-series=\"").append(Xml.escape(line.key())).append("\">\n");
            List<String> points = new ArrayList<>();
            for (int i = 0; i < line.values().size(); i++) {
                Double value = line.values().get(i);
                if (value != null) {
                    points.add(Xml.px(x(frame, step, i)) + "," + Xml.px(frame.y(axis, value / scale)));
                }
            }
            if (line.style() != Style.POINTS && points.size() > 1) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(line.color()).append("\" stroke-width=\"2.2\"")
                        .append(line.style() == Style.DASHED ? " stroke-dasharray=\"6 4\"" : "")
                        .append(" points=\"").append(String.join(" ", points)).append("\"/>\n");
            }
            for (int i = 0; i < line.values().size(); i++) {
                Double value = line.values().get(i);
                if (value == null) {
                    continue;
                }
                String tip = line.label() + ", " + xLabels.get(i) + ": " + (valueKind == ValueKind.RATIO
                        ? Numbers.ratio(value) : Numbers.energy(value));
                svg.append("<circle cx=\"").append(Xml.px(x(frame, step, i))).append("\" cy=\"")
                        .append(Xml.px(frame.y(axis, value / scale))).append("\" r=\"")
                        .append(line.style() == Style.POINTS ? "5.5" : "3.5").append("\" fill=\"")
                        .append(line.color()).append("\" stroke=\"#fff\" stroke-width=\"1.2\"><title>")
                        .append(Xml.escape(tip)).append("</title></circle>\n");
                if (line.style() == Style.POINTS) {
                    svg.append("<text class=\"value\" x=\"").append(Xml.px(x(frame, step, i) + 9))
                            .append("\" y=\"").append(Xml.px(frame.y(axis, value / scale) + 4)).append("\">")
                            .append(Xml.escape(valueKind == ValueKind.RATIO ? Numbers.ratio(value)
                                    : Numbers.energy(value))).append("</text>\n");
                }
            }
            svg.append("</g>\n");
        }
        legend(svg, frame);
        frame.close(svg);
        return svg.toString();
    }

    private static double x(ChartFrame frame, double step, int index) {
        return frame.left() + step * (index + 0.5);
    }

    private void legend(StringBuilder svg, ChartFrame frame) {
        svg.append("<g class=\"legend\">\n");
        for (int i = 0; i < lines.size(); i++) {
            Line line = Objects.requireNonNull(lines.get(i));
            double x = frame.left();
            double y = frame.bottom() + 66 + i * LEGEND_ROW;
            if (line.style() == Style.POINTS) {
                svg.append("<circle cx=\"").append(Xml.px(x + 12)).append("\" cy=\"").append(Xml.px(y - 4))
                        .append("\" r=\"5\" fill=\"").append(line.color()).append("\"/>\n");
            } else {
                svg.append("<line x1=\"").append(Xml.px(x)).append("\" x2=\"").append(Xml.px(x + 24))
                        .append("\" y1=\"").append(Xml.px(y - 4)).append("\" y2=\"").append(Xml.px(y - 4))
                        .append("\" stroke=\"").append(line.color()).append("\" stroke-width=\"2.2\"")
                        .append(line.style() == Style.DASHED ? " stroke-dasharray=\"6 4\"" : "").append("/>\n");
            }
            svg.append("<text class=\"legend-label\" x=\"").append(Xml.px(x + 32)).append("\" y=\"")
                    .append(Xml.px(y)).append("\">").append(Xml.escape(line.label())).append("</text>\n");
        }
        svg.append("</g>\n");
    }
}
