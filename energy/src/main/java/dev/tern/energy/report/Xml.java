package dev.tern.energy.report;

import java.util.Locale;

/** Escaping and number printing for the XHTML and SVG the HTML report is made of. */
final class Xml {

    private Xml() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coordinate with one decimal, enough for screen pixels. */
    static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
