package dev.tern.energy.report;

import java.util.Map;

/** Colours of the HTML report, one per component and one per design, chosen to stay apart for colour-blind readers. */
final class Palette {

    static final Map<String, String> COMPONENTS = Map.of(
            "arithmetic", "#4e79a7",
            "registers", "#f28e2b",
            "sram", "#59a14f",
            "dram", "#e15759");

    private static final Map<String, String> DESIGNS = Map.of(
            "ternary", "#1b9e77",
            "fp16-mac", "#d95f02",
            "int8-mac", "#7570b3");

    static final String PUBLISHED = "#222222";
    static final String REFERENCE = "#8c8c8c";

    private Palette() {
    }

    static String design(String id) {
        return DESIGNS.getOrDefault(id, "#666666");
    }
}
