package dev.tern.energy.tech;

import java.util.Locale;

/**
 * Where a number of a technology table comes from: published as is, derived from published
 * numbers by a stated rule, or an estimate with its reasoning. Reports print it beside the number.
 */
public record Provenance(Kind kind, String source) {

    public enum Kind {
        PUBLISHED, DERIVED, ESTIMATE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Provenance {
        if (kind == null || source == null || source.isBlank()) {
            throw new IllegalArgumentException("a provenance needs a kind and a source");
        }
    }
}
