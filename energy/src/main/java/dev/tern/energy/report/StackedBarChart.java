package dev.tern.energy.report;

import java.util.List;

/**
 * A stacked bar chart of energies: one bar per category (design), one stacked segment per series
 * (component). Values in picojoules; the axis picks a readable unit. Each series is one
 * {@code <g class="series" data-series="key">} so its presence can be checked.
 */
record StackedBarChart(String id, String title, String valueTitle, List<String> categories, List<Series> series) {

    record Series(String key, String label, String color, List<Double> picojoules) {
    }

    private static final int WIDTH = 490;
    private static final int HEIGHT = 390;

    String render() {
        ChartFrame frame = new ChartFrame(id, WIDTH, HEIGHT, 92, 76, WIDTH - 16, HEIGHT - 40);
        double[] totals = new double[categories.size()];
        for (Series s : series) {
            for (int c = 0; c < categories.size(); c++) {
                totals[c] += s.picojoules().get(c);
            }
        }
        double max = 0;
        for (double total : totals) {
            max = Math.max(max, total);
        }
        Numbers.EnergyUnit unit = Numbers.unitFor(max);
        Axis axis = Axis.linearFromZero(max / unit.picojoules());
        StringBuilder svg = new StringBuilder();
        frame.open(svg, title, "Stacked bars: " + String.join(", ", categories) + "; segments: "
                + String.join(", ", series.stream().map(Series::label).toList()));
        frame.valueAxis(svg, axis, tick -> Numbers.significant(tick, 3), valueTitle + " (" + unit.symbol() + ")");
        double band = frame.plotWidth() / categories.size();
        double barWidth = Math.min(band * 0.56, 96);
        double[] stacked = new double[categories.size()];
        for (Series s : series) {
            svg.append("<g class=\"series\" data-series=\"").append(Xml.escape(s.key())).append("\" fill=\"")
                    .append(s.color()).append("\">\n");
            for (int c = 0; c < categories.size(); c++) {
                double value = s.picojoules().get(c) / unit.picojoules();
                double yTop = frame.y(axis, stacked[c] + value);
                double yBottom = frame.y(axis, stacked[c]);
                stacked[c] += value;
                double x = frame.left() + band * c + (band - barWidth) / 2;
                svg.append("<rect x=\"").append(Xml.px(x)).append("\" y=\"").append(Xml.px(yTop))
                        .append("\" width=\"").append(Xml.px(barWidth)).append("\" height=\"")
                        .append(Xml.px(Math.max(0, yBottom - yTop))).append("\"><title>")
                        .append(Xml.escape(categories.get(c) + ", " + s.label() + ": "
                                + Numbers.energy(s.picojoules().get(c))))
                        .append("</title></rect>\n");
            }
            svg.append("</g>\n");
        }
        for (int c = 0; c < categories.size(); c++) {
            double x = frame.left() + band * c + band / 2;
            svg.append("<text class=\"value\" x=\"").append(Xml.px(x)).append("\" y=\"")
                    .append(Xml.px(frame.y(axis, stacked[c]) - 6)).append("\" text-anchor=\"middle\">")
                    .append(Xml.escape(Numbers.energy(totals[c]))).append("</text>\n");
            frame.categoryLabel(svg, x, categories.get(c));
        }
        legend(svg, frame);
        frame.close(svg);
        return svg.toString();
    }

    private void legend(StringBuilder svg, ChartFrame frame) {
        svg.append("<g class=\"legend\">\n");
        double x = frame.left();
        double y = 50;
        for (Series s : series) {
            svg.append("<rect x=\"").append(Xml.px(x)).append("\" y=\"").append(Xml.px(y - 10))
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(s.color()).append("\"/>\n");
            svg.append("<text class=\"legend-label\" x=\"").append(Xml.px(x + 17)).append("\" y=\"")
                    .append(Xml.px(y)).append("\">").append(Xml.escape(s.label())).append("</text>\n");
            x += 26 + 7.5 * s.label().length();
        }
        svg.append("</g>\n");
    }
}
