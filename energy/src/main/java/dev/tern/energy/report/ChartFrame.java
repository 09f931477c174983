package dev.tern.energy.report;

import java.util.function.DoubleFunction;

/**
 * The parts every chart shares: the SVG element, title, value axis with grid and tick labels, and
 * axis titles. Coordinates: the plot spans [left, right] x [top, bottom] in pixels.
 */
record ChartFrame(String id, int width, int height, double left, double top, double right, double bottom) {

    double plotWidth() {
        return right - left;
    }

    double plotHeight() {
        return bottom - top;
    }

    double y(Axis axis, double value) {
        return bottom - axis.fraction(value) * plotHeight();
    }

    void open(StringBuilder svg, String title, String description) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(Xml.escape(id))
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(Xml.escape(id)).append("-title\">\n");
        svg.append("<title id=\"").append(Xml.escape(id)).append("-title\">").append(Xml.escape(title))
                .append("</title>\n");
        svg.append("<desc>").append(Xml.escape(description)).append("</desc>\n");
        svg.append("<text class=\"chart-title\" x=\"").append(Xml.px(left)).append("\" y=\"24\">")
                .append(Xml.escape(title)).append("</text>\n");
    }

    void valueAxis(StringBuilder svg, Axis axis, DoubleFunction<String> tickLabel, String axisTitle) {
        svg.append("<g class=\"axis y-axis\">\n");
        for (double tick : axis.ticks()) {
            double y = y(axis, tick);
            svg.append("<line class=\"grid\" x1=\"").append(Xml.px(left)).append("\" x2=\"").append(Xml.px(right))
                    .append("\" y1=\"").append(Xml.px(y)).append("\" y2=\"").append(Xml.px(y)).append("\"/>\n");
            svg.append("<text class=\"tick\" x=\"").append(Xml.px(left - 8)).append("\" y=\"").append(Xml.px(y + 4))
                    .append("\" text-anchor=\"end\">").append(Xml.escape(tickLabel.apply(tick))).append("</text>\n");
        }
        double middle = (top + bottom) / 2;
        svg.append("<text class=\"axis-title\" transform=\"translate(").append(Xml.px(left - 62)).append(' ')
                .append(Xml.px(middle)).append(") rotate(-90)\" text-anchor=\"middle\">").append(Xml.escape(axisTitle))
                .append("</text>\n");
        svg.append("<line class=\"axis-line\" x1=\"").append(Xml.px(left)).append("\" x2=\"").append(Xml.px(left))
                .append("\" y1=\"").append(Xml.px(top)).append("\" y2=\"").append(Xml.px(bottom)).append("\"/>\n");
        svg.append("<line class=\"axis-line\" x1=\"").append(Xml.px(left)).append("\" x2=\"").append(Xml.px(right))
                .append("\" y1=\"").append(Xml.px(bottom)).append("\" y2=\"").append(Xml.px(bottom)).append("\"/>\n");
        svg.append("</g>\n");
    }

    void categoryLabel(StringBuilder svg, double x, String label) {
        svg.append("<text class=\"tick\" x=\"").append(Xml.px(x)).append("\" y=\"").append(Xml.px(bottom + 18))
                .append("\" text-anchor=\"middle\">").append(Xml.escape(label)).append("</text>\n");
    }

    void categoryAxisTitle(StringBuilder svg, String axisTitle) {
        svg.append("<text class=\"axis-title\" x=\"").append(Xml.px((left + right) / 2)).append("\" y=\"")
                .append(Xml.px(bottom + 40)).append("\" text-anchor=\"middle\">").append(Xml.escape(axisTitle))
                .append("</text>\n");
    }

    void close(StringBuilder svg) {
        svg.append("</svg>\n");
    }
}
